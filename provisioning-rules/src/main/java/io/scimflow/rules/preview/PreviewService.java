package io.scimflow.rules.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.decision.UserDecision;
import io.scimflow.rules.expression.Expression;
import io.scimflow.rules.expression.ExpressionParser;
import io.scimflow.rules.expression.Values;
import io.scimflow.rules.mapping.MappedValue;
import io.scimflow.rules.mapping.MatchingValue;
import io.scimflow.rules.mapping.ReferenceValue;
import io.scimflow.rules.mapping.SourceEvaluationContext;
import io.scimflow.rules.scope.ScopeDecision;
import io.scimflow.rules.scope.ScopeReason;
import io.scimflow.rules.source.SourceObject;

/**
 * Previews, as Entra's expression builder and provision-on-demand do: what the rules
 * decide for one user and the SCIM requests that would follow, and the value of one
 * expression. Redacted values show as {@code [Redact]}. Thread-safe.
 */
public final class PreviewService {

	private final ProvisioningRules rules;

	public PreviewService(ProvisioningRules rules) {
		this.rules = rules;
	}

	/** The decision for a user and the SCIM requests it would lead to. */
	public PreviewResult previewUser(SourceObject user) {
		UserDecision decision = this.rules.decideUser(user);
		return switch (decision.action()) {
			case UPSERT -> new PreviewResult(decision,
					ScimPayloads.create(ScimPayloads.CORE_USER, decision.attributes(), decision.references(), true),
					ScimPayloads.patch(decision.attributes(), decision.references(), true));
			case DISABLE -> new PreviewResult(decision, null, ScimPayloads.disable());
			default -> new PreviewResult(decision, null, null);
		};
	}

	/** The preview as a JSON-ready map (what the CLI prints and the HTTP endpoint returns). */
	public Map<String, Object> previewUserAsMap(SourceObject user) {
		return toMap(previewUser(user));
	}

	/** Evaluates one expression against a user (including IsSoftDeleted and app roles). */
	public Object evaluate(String expression, SourceObject user) {
		Expression parsed = ExpressionParser.parseExpression(expression);
		ScopeDecision scope = this.rules.scope(user);
		Object value = parsed.evaluate(new SourceEvaluationContext(user, scope, java.time.Clock.systemUTC(),
				new java.security.SecureRandom(), this.rules.config().defaultDomain()));
		return displayable(value);
	}

	/** A value as JSON can show it. */
	public static Object displayable(Object value) {
		if (value == Values.IGNORE_FLOW) {
			return null;
		}
		if (value instanceof Values.Redacted) {
			return "[Redact]";
		}
		if (value instanceof io.scimflow.rules.expression.RoleValues roles) {
			return roles.asScim();
		}
		if (value instanceof io.scimflow.rules.expression.DateTimeValue || value instanceof java.math.BigDecimal) {
			return Values.asString(value);
		}
		return value;
	}

	/** The preview as nested maps and lists. */
	public static Map<String, Object> toMap(PreviewResult result) {
		UserDecision d = result.decision();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("sourceId", d.sourceId());
		map.put("displayName", d.displayName());
		map.put("action", d.action().name());
		map.put("reason", d.reason());
		Map<String, Object> scope = new LinkedHashMap<>();
		scope.put("inScope", d.scope().inScope());
		scope.put("isSoftDeleted", d.scope().softDeleted());
		List<Map<String, Object>> checks = new ArrayList<>();
		for (ScopeReason reason : d.scope().reasons()) {
			Map<String, Object> check = new LinkedHashMap<>();
			check.put("check", reason.check().name());
			check.put("passed", reason.passed());
			check.put("detail", reason.detail());
			checks.add(check);
		}
		scope.put("checks", checks);
		map.put("scope", scope);
		List<Map<String, Object>> matching = new ArrayList<>();
		for (MatchingValue m : d.matching()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("path", m.path());
			entry.put("value", m.value());
			entry.put("precedence", m.precedence());
			matching.add(entry);
		}
		map.put("matchingAttributes", matching);
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (MappedValue a : d.attributes()) {
			Map<String, Object> attribute = new LinkedHashMap<>();
			attribute.put("path", a.path());
			attribute.put("value", a.displayValue());
			attribute.put("applyOn", a.applyOn().name());
			attributes.add(attribute);
		}
		map.put("attributes", attributes);
		List<Map<String, Object>> references = new ArrayList<>();
		for (ReferenceValue r : d.references()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("path", r.path());
			entry.put("objectType", r.objectType().name());
			entry.put("sourceId", r.sourceId());
			entry.put("applyOn", r.applyOn().name());
			references.add(entry);
		}
		map.put("references", references);
		map.put("memberOfGroupIds", d.memberOfGroupIds());
		map.put("createRequest", result.createRequest());
		map.put("updateRequest", result.updateRequest());
		return map;
	}

}

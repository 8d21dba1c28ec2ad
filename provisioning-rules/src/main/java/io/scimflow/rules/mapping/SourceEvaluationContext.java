package io.scimflow.rules.mapping;

import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

import io.scimflow.rules.expression.AppRoleAssignmentsValue;
import io.scimflow.rules.expression.EvaluationContext;
import io.scimflow.rules.scope.ScopeDecision;
import io.scimflow.rules.source.SourceObject;

/**
 * What mappings read from a source object: its attributes plus Entra's virtual ones,
 * {@code IsSoftDeleted} (from the scope decision), {@code appRoleAssignments},
 * {@code objectId} and {@code manager} (the manager's source id).
 */
public final class SourceEvaluationContext implements EvaluationContext {

	private final SourceObject object;

	private final ScopeDecision scope;

	private final Clock clock;

	private final RandomGenerator random;

	private final String defaultDomain;

	public SourceEvaluationContext(SourceObject object, ScopeDecision scope, Clock clock, RandomGenerator random,
			String defaultDomain) {
		this.object = object;
		this.scope = scope;
		this.clock = clock;
		this.random = random;
		this.defaultDomain = defaultDomain;
	}

	@Override
	public Object attribute(String name) {
		if ("IsSoftDeleted".equalsIgnoreCase(name)) {
			return this.scope.softDeleted();
		}
		if ("appRoleAssignments".equalsIgnoreCase(name)) {
			return new AppRoleAssignmentsValue(this.object.appRoleAssignments());
		}
		Object value = this.object.attribute(name);
		if (value == null && ("objectId".equalsIgnoreCase(name) || "id".equalsIgnoreCase(name))) {
			return this.object.id();
		}
		return value;
	}

	@Override
	public Clock clock() {
		return this.clock;
	}

	@Override
	public RandomGenerator random() {
		return this.random;
	}

	@Override
	public Optional<String> defaultDomain() {
		return Optional.ofNullable(this.defaultDomain);
	}

}

package io.scimflow.rules.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.scimflow.rules.expression.DateTimeValue;
import io.scimflow.rules.expression.EvaluationContext;
import io.scimflow.rules.expression.ExpressionException;
import io.scimflow.rules.expression.RoleValues;
import io.scimflow.rules.expression.Values;
import io.scimflow.rules.source.ObjectType;

/**
 * Applies an object type's attribute mappings to one object: null (and empty) values are
 * never sent, a default value is sent on create only, IgnoreFlowIfNullOrEmpty drops the
 * attribute, matching attributes are collected in precedence order and references carry
 * source ids. A value is sensitive when it went through Redact(), its target is a password,
 * or the mapping is marked {@code sensitive}. Stateless and thread-safe.
 */
public final class MappingEvaluator {

	/**
	 * Maps one object.
	 * @throws MappingException when an expression fails for this object
	 */
	public MappedObject map(ObjectMapping objectMapping, EvaluationContext context) {
		List<MatchingValue> matching = new ArrayList<>();
		List<MappedValue> attributes = new ArrayList<>();
		List<ReferenceValue> references = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (AttributeMapping mapping : objectMapping.mappings()) {
			String path = mapping.target().text();
			if (mapping.type() == MappingType.REFERENCE) {
				String sourceId = Values.asString(context.attribute(mapping.source()));
				if (sourceId == null || sourceId.isEmpty()) {
					skipped.add(path + ": no " + mapping.source());
				}
				else {
					references.add(new ReferenceValue(path, ObjectType.USER, sourceId, mapping.applyOn()));
				}
				continue;
			}
			Object raw = evaluate(mapping, context);
			if (raw == Values.IGNORE_FLOW) {
				skipped.add(path + ": IgnoreFlowIfNullOrEmpty");
				continue;
			}
			boolean sensitive = raw instanceof Values.Redacted || mapping.sensitive() || mapping.target().isSecret();
			Object value = convert(mapping, Values.unwrap(raw));
			ApplyOn applyOn = mapping.applyOn();
			if (value == null) {
				if (mapping.defaultValue() == null) {
					skipped.add(path + ": null value (not sent)");
					continue;
				}
				value = convert(mapping, mapping.defaultValue());
				applyOn = ApplyOn.CREATE_ONLY;
			}
			boolean replaceAll = Values.unwrap(raw) instanceof RoleValues roles && roles.assertive();
			attributes.add(new MappedValue(path, value, applyOn, sensitive, replaceAll));
			if (mapping.isMatching() && !(value instanceof Collection<?>)) {
				matching.add(new MatchingValue(path, Values.asString(value), mapping.matchingPrecedence()));
			}
		}
		matching.sort(Comparator.comparingInt(MatchingValue::precedence));
		return new MappedObject(matching, attributes, references, skipped);
	}

	private static Object evaluate(AttributeMapping mapping, EvaluationContext context) {
		switch (mapping.type()) {
			case DIRECT:
				return context.attribute(mapping.source());
			case CONSTANT:
				return mapping.source();
			case NONE:
				return null;
			default:
				try {
					return mapping.expression().evaluate(context);
				}
				catch (ExpressionException ex) {
					throw new MappingException(mapping.target().text(), ex.getMessage(), ex);
				}
		}
	}

	// Null, empty strings and empty lists read as "no value".
	private static Object convert(AttributeMapping mapping, Object value) {
		if (Values.isNullOrEmpty(value)) {
			return null;
		}
		TargetType type = mapping.targetType();
		if (type == TargetType.BOOLEAN || (type == TargetType.AUTO && mapping.target().isActive())) {
			return Values.isTrue(value);
		}
		if (type == TargetType.STRING) {
			return Values.asString(value);
		}
		if (type == TargetType.INTEGER) {
			BigDecimal number = Values.asNumber(value);
			if (number == null) {
				throw new MappingException(mapping.target().text(),
						"the target is an integer but the value \"" + Values.asString(value) + "\" is not", null);
			}
			return number.longValue();
		}
		if (value instanceof RoleValues roles) {
			return roles.asScim();
		}
		if (value instanceof Collection<?>) {
			List<String> values = new ArrayList<>();
			for (Object item : Values.flatten(value)) {
				String text = Values.asString(item);
				if (text != null) {
					values.add(text);
				}
			}
			return values.isEmpty() ? null : List.copyOf(values);
		}
		if (value instanceof BigDecimal decimal) {
			try {
				return decimal.longValueExact();
			}
			catch (ArithmeticException ex) {
				return decimal.doubleValue();
			}
		}
		if (value instanceof Integer || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof Boolean || value instanceof Long || value instanceof Double) {
			return value;
		}
		if (value instanceof DateTimeValue) {
			return value.toString();
		}
		return Values.asString(value);
	}

}

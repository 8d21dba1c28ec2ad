package io.scimflow.rules.mapping;

import java.util.Objects;

import io.scimflow.rules.expression.Expression;

/**
 * One attribute mapping, compiled. Immutable and thread-safe.
 *
 * @param target the SCIM target path
 * @param type Direct, Constant, Expression, None or Reference
 * @param source the source attribute (Direct, Reference), the constant (Constant) or the
 * expression text (Expression); null for None
 * @param expression the compiled expression (Direct and Expression), else null
 * @param defaultValue Entra's "default value if null", sent on create only; may be null
 * @param matchingPrecedence 0 when not a matching attribute; else 1 is tried first
 * @param applyOn always, or only on create
 * @param targetType the target attribute's type
 * @param sensitive the configuration marks the value a secret ({@code sensitive: true})
 */
public record AttributeMapping(TargetPath target, MappingType type, String source, Expression expression,
		String defaultValue, int matchingPrecedence, ApplyOn applyOn, TargetType targetType, boolean sensitive) {

	public AttributeMapping {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(type, "type");
		applyOn = (applyOn != null) ? applyOn : ApplyOn.ALWAYS;
		targetType = (targetType != null) ? targetType : TargetType.AUTO;
	}

	/** A mapping the configuration does not mark sensitive. */
	public AttributeMapping(TargetPath target, MappingType type, String source, Expression expression,
			String defaultValue, int matchingPrecedence, ApplyOn applyOn, TargetType targetType) {
		this(target, type, source, expression, defaultValue, matchingPrecedence, applyOn, targetType, false);
	}

	/** True when the mapping is used to match existing target objects. */
	public boolean isMatching() {
		return this.matchingPrecedence > 0;
	}

}

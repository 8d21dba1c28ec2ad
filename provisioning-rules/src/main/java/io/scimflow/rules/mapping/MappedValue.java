package io.scimflow.rules.mapping;

/**
 * One target attribute's desired value. The value is a String, Boolean, Long, Double, a
 * {@code List<String>} (multi-valued) or a {@code List<Map<String,Object>>} (complex, e.g.
 * roles); never null.
 *
 * @param path the SCIM path
 * @param value the value
 * @param applyOn always, or only when the object is created
 * @param sensitive a secret (produced by Redact(), a password target, or a mapping marked
 * {@code sensitive}): sent to the target, shown as {@code [Redact]} in logs
 * @param replaceAll for complex roles: true when the target's values must be replaced by
 * exactly these (AssertiveAppRoleAssignmentsComplex), false when they are only added
 */
public record MappedValue(String path, Object value, ApplyOn applyOn, boolean sensitive, boolean replaceAll) {

	/** The value as logs may show it. */
	public Object displayValue() {
		return this.sensitive ? "[Redact]" : this.value;
	}

}

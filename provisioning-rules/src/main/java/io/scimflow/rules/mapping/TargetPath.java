package io.scimflow.rules.mapping;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SCIM target attribute path: {@code userName}, {@code name.givenName},
 * {@code emails[type eq "work"].value},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}. Immutable.
 *
 * @param text the path as written
 * @param schemaUrn the extension schema URN, or null for core attributes
 * @param attribute the top-level attribute (e.g. {@code emails}, {@code name})
 * @param filterAttribute the value filter's attribute (e.g. {@code type}), or null
 * @param filterValue the value filter's value (e.g. {@code work}), or null
 * @param subAttribute the sub-attribute (e.g. {@code value}, {@code givenName}), or null
 */
public record TargetPath(String text, String schemaUrn, String attribute, String filterAttribute, String filterValue,
		String subAttribute) {

	/** The SCIM enterprise user extension. */
	public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	private static final Pattern PATH = Pattern
		.compile("([A-Za-z$][\\w$-]*)(?:\\[\\s*([A-Za-z][\\w.-]*)\\s+eq\\s+(\"[^\"]*\"|[^\\]\\s]+)\\s*\\])?(?:\\.([A-Za-z$][\\w$-]*))?");

	public TargetPath {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(attribute, "attribute");
	}

	/**
	 * Parses a path.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static TargetPath parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("target path is empty");
		}
		String path = text.trim();
		String urn = null;
		if (path.toLowerCase(Locale.ROOT).startsWith("urn:")) {
			int bracket = path.indexOf('[');
			int searchEnd = (bracket >= 0) ? bracket : path.length();
			int colon = path.lastIndexOf(':', searchEnd - 1);
			if (colon < 0 || colon == path.length() - 1) {
				throw new IllegalArgumentException("target path '" + text + "' names a schema URN but no attribute after it");
			}
			urn = path.substring(0, colon);
			path = path.substring(colon + 1);
		}
		Matcher m = PATH.matcher(path);
		if (!m.matches()) {
			throw new IllegalArgumentException("target path '" + text
					+ "' is not a SCIM path like name.givenName or emails[type eq \"work\"].value");
		}
		String value = m.group(3);
		if (value != null && value.startsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return new TargetPath(text.trim(), urn, m.group(1), m.group(2), value, m.group(4));
	}

	/** True for a path with a value filter, such as {@code emails[type eq "work"].value}. */
	public boolean hasFilter() {
		return this.filterAttribute != null;
	}

	/** True when the path is {@code active} (a boolean). */
	public boolean isActive() {
		return this.schemaUrn == null && "active".equalsIgnoreCase(this.attribute) && this.subAttribute == null;
	}

	/**
	 * True when the path names a secret: the attribute or its sub-attribute is
	 * {@code password} (SCIM's write-only user password, in any schema).
	 */
	public boolean isSecret() {
		return "password".equalsIgnoreCase(this.attribute) || "password".equalsIgnoreCase(this.subAttribute);
	}

	@Override
	public String toString() {
		return this.text;
	}

}

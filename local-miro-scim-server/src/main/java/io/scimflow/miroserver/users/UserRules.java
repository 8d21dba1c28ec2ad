package io.scimflow.miroserver.users;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scimflow.miroserver.org.StoredUser;
import io.scimflow.miroserver.scim.ScimError;
import io.scimflow.miroserver.scim.ScimJson;

/**
 * Miro's rules for the shape of a user (reference 2.1): which attributes exist, their
 * limits, how the display name and emails are derived, which licenses and roles can be set.
 * Stateless.
 */
final class UserRules {

	static final int NAME_LIMIT = 60;

	static final List<String> USER_TYPES = List.of("Full", "Free", "Free Restricted", "Full (Trial)", "Basic",
			"Standard", "Advanced");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

	private static final Map<String, String> CORE_ATTRIBUTES = Map.of("username", "userName", "name", "name",
			"displayname", "displayName", "usertype", "userType", "active", "active", "photos", "photos", "roles",
			"roles", "preferredlanguage", "preferredLanguage");

	private static final Map<String, String> NAME_PARTS = Map.of("formatted", "formatted", "givenname", "givenName",
			"familyname", "familyName");

	/** Enterprise attributes Miro keeps, with their length limits. */
	private static final Map<String, Integer> ENTERPRISE_LIMITS = Map.of("employeeNumber", 20, "costCenter", 120,
			"organization", 120, "division", 120, "department", 120);

	private static final Set<String> GUEST_ROLES = Set.of("ORGANIZATION_EXTERNAL_USER", "ORGANIZATION_TEAM_GUEST_USER");

	private static final Map<String, String> KNOWN_NAMES = knownNames();

	private UserRules() {
	}

	private static Map<String, String> knownNames() {
		Map<String, String> names = new java.util.HashMap<>(CORE_ATTRIBUTES);
		names.putAll(NAME_PARTS);
		ENTERPRISE_LIMITS.keySet().forEach((name) -> names.put(name.toLowerCase(Locale.ROOT), name));
		for (String name : List.of("manager", "value", "display", "type", "primary", "emails", "groups")) {
			names.put(name, name);
		}
		names.put("displayname", "displayName");
		return Map.copyOf(names);
	}

	/** The spelling of an attribute name in {@code level} (an existing field) or in Miro's schema. */
	static String canonicalName(JsonNode level, String name) {
		if (level != null && level.isObject()) {
			for (java.util.Iterator<String> it = level.fieldNames(); it.hasNext();) {
				String key = it.next();
				if (key.equalsIgnoreCase(name)) {
					return key;
				}
			}
		}
		return KNOWN_NAMES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
	}

	/**
	 * Keeps only what Miro stores, with canonical attribute names; attributes outside Miro's
	 * schema (title, phoneNumbers, externalId, password, …), {@code emails} (read-only) and
	 * {@code groups} (read-only) are dropped silently.
	 */
	static ObjectNode normalize(ObjectNode input) {
		ObjectNode out = ScimJson.object();
		input.fields().forEachRemaining((field) -> {
			String key = field.getKey();
			if (key.regionMatches(true, 0, ScimJson.USER_SCHEMA + ":", 0, ScimJson.USER_SCHEMA.length() + 1)) {
				key = key.substring(ScimJson.USER_SCHEMA.length() + 1);
			}
			if (key.equalsIgnoreCase(ScimJson.ENTERPRISE_SCHEMA)) {
				ObjectNode enterprise = enterprise(field.getValue());
				if (!enterprise.isEmpty()) {
					out.set(ScimJson.ENTERPRISE_SCHEMA, enterprise);
				}
				return;
			}
			String canonical = CORE_ATTRIBUTES.get(key.toLowerCase(Locale.ROOT));
			JsonNode value = field.getValue();
			if (canonical == null || value == null || value.isNull()) {
				return;
			}
			switch (canonical) {
				case "name" -> putIfNotEmpty(out, "name", name(value));
				case "active" -> out.put("active", bool("active", value));
				case "photos" -> putIfNotEmpty(out, "photos", photos(value));
				case "roles" -> out.set("roles", value.isArray() ? value : ScimJson.array().add(value));
				default -> {
					if (value.isContainerNode()) {
						throw ScimError.invalidValue("Attribute '" + canonical + "' must be a single value");
					}
					out.put(canonical, value.asText());
				}
			}
		});
		return out;
	}

	/**
	 * Completes a normalized resource for storage: requires and checks userName, derives
	 * displayName and emails, fills userType, active and roles from {@code previous} (or the
	 * defaults when creating), and sets schemas.
	 */
	static ObjectNode complete(String id, ObjectNode user, ObjectNode previous, String defaultUserType) {
		String userName = ScimJson.text(user.get("userName"));
		if (userName == null || userName.isBlank()) {
			throw ScimError.invalidValue("Attribute 'userName' is required");
		}
		userName = userName.trim();
		if (!EMAIL.matcher(userName).matches()) {
			throw ScimError.invalidValue("User name '" + userName + "' is invalid: 'not an email'");
		}
		ObjectNode out = ScimJson.object();
		ArrayNode schemas = out.putArray("schemas").add(ScimJson.USER_SCHEMA);
		out.put("id", id);
		out.put("userName", userName);
		JsonNode name = user.get("name");
		if (name != null) {
			out.set("name", name);
		}
		out.put("displayName", displayName(user, userName));
		out.put("userType", userType(user, previous, defaultUserType));
		boolean active = user.has("active") ? user.get("active").asBoolean()
				: (previous == null || previous.path("active").asBoolean(true));
		out.put("active", active);
		ObjectNode email = out.putArray("emails").addObject();
		email.put("value", userName);
		email.put("display", userName);
		email.put("type", "work");
		email.put("primary", true);
		if (user.has("photos")) {
			out.set("photos", user.get("photos"));
		}
		out.set("roles", roles(user.get("roles"), previous));
		if (user.has("preferredLanguage")) {
			out.set("preferredLanguage", user.get("preferredLanguage"));
		}
		if (user.has(ScimJson.ENTERPRISE_SCHEMA)) {
			schemas.add(ScimJson.ENTERPRISE_SCHEMA);
			out.set(ScimJson.ENTERPRISE_SCHEMA, user.get(ScimJson.ENTERPRISE_SCHEMA));
		}
		return out;
	}

	/** displayName, else name.formatted, else givenName + familyName, else userName; at most 60 characters. */
	static String displayName(ObjectNode user, String userName) {
		String displayName = ScimJson.text(user.get("displayName"));
		checkLength("displayName", displayName);
		JsonNode name = user.path("name");
		String formatted = ScimJson.text(name.get("formatted"));
		checkLength("name.formatted", formatted);
		String given = ScimJson.text(name.get("givenName"));
		String family = ScimJson.text(name.get("familyName"));
		String joined = String.join(" ", nonBlank(given), nonBlank(family)).trim();
		checkLength("name.givenName + name.familyName", joined);
		if (displayName != null && !displayName.isBlank()) {
			return displayName;
		}
		if (formatted != null && !formatted.isBlank()) {
			return formatted;
		}
		return joined.isEmpty() ? userName : joined;
	}

	private static String nonBlank(String value) {
		return (value == null) ? "" : value.trim();
	}

	private static void checkLength(String attribute, String value) {
		if (value != null && value.length() > NAME_LIMIT) {
			throw ScimError.invalidValue("Attribute '" + attribute + "' is longer than " + NAME_LIMIT + " characters");
		}
	}

	private static String userType(ObjectNode user, ObjectNode previous, String defaultUserType) {
		String requested = ScimJson.text(user.get("userType"));
		if (requested == null || requested.isBlank()) {
			return (previous != null) ? previous.path("userType").asText(defaultUserType) : defaultUserType;
		}
		for (String known : USER_TYPES) {
			if (known.equalsIgnoreCase(requested.trim())) {
				return known;
			}
		}
		throw ScimError.invalidValue("userType '" + requested + "' is invalid; supported: " + USER_TYPES);
	}

	/** Exactly one organisation role (admin or member) plus any number of admin roles; no guest roles. */
	static ArrayNode roles(JsonNode requested, ObjectNode previous) {
		String userRole = null;
		Set<String> adminRoles = new LinkedHashSet<>();
		if (requested == null || requested.isNull()) {
			return (previous != null && previous.has("roles")) ? (ArrayNode) previous.get("roles")
					: render(StoredUser.MEMBER_ROLE, adminRoles);
		}
		for (JsonNode role : requested) {
			String value = role.isObject() ? ScimJson.text(ScimJson.getIgnoreCase(role, "value")) : ScimJson.text(role);
			if (value == null || value.isBlank()) {
				throw ScimError.invalidValue("Each role needs a value");
			}
			value = value.trim();
			String type = role.isObject() ? ScimJson.text(ScimJson.getIgnoreCase(role, "type")) : null;
			boolean organisationRole = StoredUser.ADMIN_ROLE.equals(value) || StoredUser.MEMBER_ROLE.equals(value);
			if (GUEST_ROLES.contains(value)) {
				throw ScimError.invalidValue("Role '" + value + "' cannot be assigned via SCIM");
			}
			if (type == null) {
				type = organisationRole ? "organization_user_role" : "organization_admin_role";
			}
			if ("organization_user_role".equals(type)) {
				if (!organisationRole) {
					throw ScimError.invalidValue("Role '" + value + "' is not an organization_user_role; use "
							+ StoredUser.ADMIN_ROLE + " or " + StoredUser.MEMBER_ROLE);
				}
				if (userRole != null && !userRole.equals(value)) {
					throw ScimError.invalidValue("A user has exactly one organization_user_role");
				}
				userRole = value;
			}
			else if ("organization_admin_role".equals(type)) {
				if (organisationRole) {
					throw ScimError.invalidValue("Role '" + value + "' must have type organization_user_role");
				}
				adminRoles.add(value);
			}
			else {
				throw ScimError.invalidValue("Role type '" + type + "' is not supported");
			}
		}
		if (userRole == null) {
			String before = (previous != null) ? StoredUser.primaryRole(previous) : null;
			userRole = (before != null) ? before : StoredUser.MEMBER_ROLE;
		}
		return render(userRole, adminRoles);
	}

	private static ArrayNode render(String userRole, Set<String> adminRoles) {
		ArrayNode roles = ScimJson.array();
		ObjectNode primary = roles.addObject();
		primary.put("value", userRole);
		primary.put("display", StoredUser.ADMIN_ROLE.equals(userRole) ? "Company Admin" : "Member");
		primary.put("type", "organization_user_role");
		primary.put("primary", true);
		for (String admin : adminRoles) {
			ObjectNode role = roles.addObject();
			role.put("value", admin);
			role.put("display", admin);
			role.put("type", "organization_admin_role");
			role.put("primary", false);
		}
		return roles;
	}

	private static ObjectNode name(JsonNode value) {
		if (!value.isObject()) {
			throw ScimError.invalidValue("Attribute 'name' must be an object");
		}
		ObjectNode name = ScimJson.object();
		value.fields().forEachRemaining((f) -> {
			String canonical = NAME_PARTS.get(f.getKey().toLowerCase(Locale.ROOT));
			if (canonical != null && ScimJson.text(f.getValue()) != null) {
				name.put(canonical, f.getValue().asText());
			}
		});
		return name;
	}

	private static ArrayNode photos(JsonNode value) {
		ArrayNode photos = ScimJson.array();
		for (JsonNode photo : value.isArray() ? value : ScimJson.array().add(value)) {
			String url = ScimJson.text(ScimJson.getIgnoreCase(photo, "value"));
			if (url != null) {
				ObjectNode out = photos.addObject();
				out.put("type", "photo");
				out.put("value", url);
			}
		}
		return photos;
	}

	private static ObjectNode enterprise(JsonNode value) {
		ObjectNode out = ScimJson.object();
		if (!value.isObject()) {
			throw ScimError.invalidValue("Attribute '" + ScimJson.ENTERPRISE_SCHEMA + "' must be an object");
		}
		ENTERPRISE_LIMITS.forEach((attribute, limit) -> {
			String text = ScimJson.text(ScimJson.getIgnoreCase(value, attribute));
			if (text != null) {
				if (text.length() > limit) {
					throw ScimError.invalidValue(
							"Attribute '" + attribute + "' is longer than " + limit + " characters");
				}
				out.put(attribute, text);
			}
		});
		JsonNode manager = ScimJson.getIgnoreCase(value, "manager");
		if (manager != null && manager.isObject()) {
			ObjectNode kept = ScimJson.object();
			String managerId = ScimJson.text(ScimJson.getIgnoreCase(manager, "value"));
			if (managerId != null && managerId.matches("\\d{1,19}")) {
				kept.put("value", managerId);
			}
			String managerName = ScimJson.text(ScimJson.getIgnoreCase(manager, "displayName"));
			if (managerName != null) {
				checkLength("manager.displayName", managerName);
				kept.put("displayName", managerName);
			}
			putIfNotEmpty(out, "manager", kept);
		}
		return out;
	}

	private static void putIfNotEmpty(ObjectNode out, String key, JsonNode value) {
		if (value.size() > 0) {
			out.set(key, value);
		}
	}

	static boolean bool(String attribute, JsonNode value) {
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isTextual() && ("true".equalsIgnoreCase(value.asText()) || "false".equalsIgnoreCase(value.asText()))) {
			return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
		}
		throw ScimError.invalidValue("Attribute '" + attribute + "' must be a boolean");
	}

}

package io.scimflow.miroserver.users;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;

import io.scimflow.miroserver.scim.PatchBody;
import io.scimflow.miroserver.scim.ScimError;
import io.scimflow.miroserver.scim.ScimJson;

/**
 * Applies a PatchOp to a copy of a stored user with the UnboundID SDK, after Miro's own
 * preparation: operations on the read-only {@code emails} and {@code groups} are ignored,
 * and path-less values whose keys are paths ({@code "name.givenName"},
 * {@code "urn:…:enterprise:2.0:User:department"}, Entra style) are split into path operations.
 */
final class UserPatcher {

	private UserPatcher() {
	}

	static ObjectNode apply(ObjectNode stored, PatchBody body) {
		ObjectNode target = stored.deepCopy();
		for (PatchBody.Operation operation : body.operations()) {
			for (PatchBody.Operation prepared : prepare(operation)) {
				applyOne(target, prepared);
			}
		}
		return target;
	}

	private static List<PatchBody.Operation> prepare(PatchBody.Operation operation) {
		if (operation.path() != null) {
			return isReadOnly(operation.path()) ? List.of() : List.of(operation);
		}
		if (operation.type() == PatchOpType.REMOVE) {
			throw ScimError.badRequest("noTarget", "A remove operation needs a path");
		}
		if (!operation.value().isObject()) {
			throw ScimError.badRequest("invalidValue", "A PATCH operation without a path needs an object value");
		}
		List<PatchBody.Operation> result = new ArrayList<>();
		ObjectNode plain = ScimJson.object();
		for (Iterator<Map.Entry<String, JsonNode>> it = operation.value().fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			String key = field.getKey();
			if (isReadOnly(key)) {
				continue;
			}
			boolean extensionAttribute = key.regionMatches(true, 0, "urn:", 0, 4)
					&& !key.equalsIgnoreCase(ScimJson.ENTERPRISE_SCHEMA);
			if (extensionAttribute || (!key.startsWith("urn:") && key.contains("."))) {
				result.add(new PatchBody.Operation(operation.type(), key, field.getValue()));
			}
			else {
				plain.set(key, field.getValue());
			}
		}
		if (!plain.isEmpty()) {
			result.add(0, new PatchBody.Operation(operation.type(), null, plain));
		}
		return result;
	}

	private static boolean isReadOnly(String path) {
		String lower = ScimJson.lower(path);
		if (lower.startsWith(ScimJson.lower(ScimJson.USER_SCHEMA) + ":")) {
			lower = lower.substring(ScimJson.USER_SCHEMA.length() + 1);
		}
		return lower.equals("emails") || lower.startsWith("emails[") || lower.startsWith("emails.")
				|| lower.equals("groups") || lower.startsWith("groups[") || lower.startsWith("groups.")
				|| lower.equals("id") || lower.equals("meta") || lower.equals("schemas");
	}

	/**
	 * Spells each attribute of a path the way the stored resource (or Miro's schema) does, so
	 * that {@code DisplayName} or {@code NAME.givenname} update the existing attribute.
	 */
	static Path canonical(Path path, ObjectNode target) {
		String schema = path.getSchemaUrn();
		JsonNode level = target;
		Path result;
		if (schema == null || schema.equalsIgnoreCase(ScimJson.USER_SCHEMA)) {
			result = (schema == null) ? Path.root() : Path.root(ScimJson.USER_SCHEMA);
		}
		else if (schema.equalsIgnoreCase(ScimJson.ENTERPRISE_SCHEMA)) {
			result = Path.root(ScimJson.ENTERPRISE_SCHEMA);
			level = target.path(ScimJson.ENTERPRISE_SCHEMA);
		}
		else {
			return path;
		}
		for (Path.Element element : path) {
			String name = UserRules.canonicalName(level, element.getAttribute());
			result = (element.getValueFilter() == null) ? result.attribute(name)
					: result.attribute(name, element.getValueFilter());
			level = (level == null) ? null : level.get(name);
			if (level != null && level.isArray()) {
				level = level.isEmpty() ? null : level.get(0);
			}
		}
		return result;
	}

	private static void applyOne(ObjectNode target, PatchBody.Operation operation) {
		try {
			PatchOperation sdkOperation = (operation.path() == null)
					? PatchOperation.create(operation.type(), (String) null, operation.value())
					: PatchOperation.create(operation.type(), canonical(operation.parsedPath(), target),
							operation.value());
			sdkOperation.apply(target);
		}
		catch (ScimException ex) {
			throw ScimError.from(ex);
		}
		catch (IllegalArgumentException ex) {
			throw ScimError.badRequest("invalidValue", ex.getMessage());
		}
	}

}

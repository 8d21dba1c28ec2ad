package io.scimflow.miroserver.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.Path;

/**
 * A parsed PatchOp request: operations with an op that may be written in any case
 * ({@code Replace}, {@code replace}), an optional path and an optional value.
 */
public record PatchBody(List<Operation> operations) {

	/** One operation; {@code path} is null for a path-less operation, {@code value} may be null. */
	public record Operation(PatchOpType type, String path, JsonNode value) {

		public Path parsedPath() {
			try {
				return Path.fromString(this.path);
			}
			catch (ScimException ex) {
				throw ScimError.badRequest("invalidPath", "Invalid path '" + this.path + "': " + ex.getMessage());
			}
		}

	}

	public static PatchBody parse(ObjectNode body) {
		JsonNode schemas = body.get("schemas");
		if (schemas != null && schemas.isArray() && !contains(schemas, ScimJson.PATCH_OP_SCHEMA)) {
			throw ScimError.badRequest("invalidSyntax", "PATCH body must declare the schema " + ScimJson.PATCH_OP_SCHEMA);
		}
		JsonNode ops = ScimJson.getIgnoreCase(body, "Operations");
		if (ops == null || !ops.isArray() || ops.isEmpty()) {
			throw ScimError.badRequest("invalidSyntax", "PATCH body must have a non-empty Operations array");
		}
		List<Operation> operations = new ArrayList<>();
		for (JsonNode op : ops) {
			operations.add(parseOperation(op));
		}
		return new PatchBody(List.copyOf(operations));
	}

	private static Operation parseOperation(JsonNode op) {
		if (!op.isObject()) {
			throw ScimError.badRequest("invalidSyntax", "Each PATCH operation must be a JSON object");
		}
		String opName = ScimJson.text(ScimJson.getIgnoreCase(op, "op"));
		PatchOpType type = switch ((opName == null) ? "" : opName.toLowerCase(Locale.ROOT)) {
			case "add" -> PatchOpType.ADD;
			case "replace" -> PatchOpType.REPLACE;
			case "remove" -> PatchOpType.REMOVE;
			default -> throw ScimError.badRequest("invalidSyntax", "Unsupported PATCH op '" + opName + "'");
		};
		String path = ScimJson.text(ScimJson.getIgnoreCase(op, "path"));
		if (path != null && path.isBlank()) {
			path = null;
		}
		JsonNode value = ScimJson.getIgnoreCase(op, "value");
		if (value != null && value.isNull()) {
			value = null;
		}
		if (type != PatchOpType.REMOVE && value == null) {
			throw ScimError.badRequest("invalidValue", "PATCH op '" + opName + "' needs a value");
		}
		return new Operation(type, path, value);
	}

	private static boolean contains(JsonNode array, String text) {
		for (JsonNode element : array) {
			if (text.equalsIgnoreCase(element.asText())) {
				return true;
			}
		}
		return false;
	}

}

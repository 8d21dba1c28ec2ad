package io.scimflow.miroserver.scim;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers shared by the features: one mapper, SCIM message shapes, case-insensitive lookups. */
public final class ScimJson {

	public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

	public static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	public static final String LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

	public static final String PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	public static final ObjectMapper MAPPER = new ObjectMapper();

	private ScimJson() {
	}

	public static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	public static ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

	/** Parses a request body that must be a JSON object, else 400 invalidSyntax. */
	public static ObjectNode parseObject(byte[] body) {
		if (body == null || body.length == 0) {
			throw ScimError.badRequest("invalidSyntax", "Request body is empty");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (IOException ex) {
			throw ScimError.badRequest("invalidSyntax", "Request body is not valid JSON: " + shortMessage(ex));
		}
		if (node == null || !node.isObject()) {
			throw ScimError.badRequest("invalidSyntax", "Request body must be a JSON object");
		}
		return (ObjectNode) node;
	}

	private static String shortMessage(IOException ex) {
		if (ex instanceof JsonProcessingException jpe) {
			return jpe.getOriginalMessage();
		}
		return ex.getMessage();
	}

	public static byte[] write(JsonNode node) {
		try {
			return MAPPER.writeValueAsBytes(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot serialise JSON", ex);
		}
	}

	public static ObjectNode errorBody(int status, String scimType, String detail) {
		ObjectNode error = object();
		error.putArray("schemas").add(ERROR_SCHEMA);
		error.put("status", Integer.toString(status));
		if (scimType != null) {
			error.put("scimType", scimType);
		}
		if (detail != null) {
			error.put("detail", detail);
		}
		return error;
	}

	public static ObjectNode listResponse(int totalResults) {
		ObjectNode list = object();
		list.putArray("schemas").add(LIST_RESPONSE_SCHEMA);
		list.put("totalResults", totalResults);
		return list;
	}

	/** The field of {@code node} whose name equals {@code name} ignoring case, or null. */
	public static JsonNode getIgnoreCase(JsonNode node, String name) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode exact = node.get(name);
		if (exact != null) {
			return exact;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			if (field.getKey().equalsIgnoreCase(name)) {
				return field.getValue();
			}
		}
		return null;
	}

	public static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	/** Text of a value node, or null when missing, null or not a scalar. */
	public static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isContainerNode()) {
			return null;
		}
		return node.asText();
	}

}

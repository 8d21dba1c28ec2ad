package io.scimflow.miroserver.scim;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Orders resources by a {@code sortBy} path (case-insensitive text, missing values last). */
public final class Sorting {

	private Sorting() {
	}

	public static Comparator<ObjectNode> by(String sortBy, boolean descending) {
		Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
		Comparator<ObjectNode> comparator = Comparator.comparing((node) -> sortKey(node, sortBy), text);
		return descending ? comparator.reversed() : comparator;
	}

	static String sortKey(ObjectNode node, String sortBy) {
		String path = sortBy;
		JsonNode container = node;
		if (path.regionMatches(true, 0, ScimJson.ENTERPRISE_SCHEMA + ":", 0, ScimJson.ENTERPRISE_SCHEMA.length() + 1)) {
			container = ScimJson.getIgnoreCase(node, ScimJson.ENTERPRISE_SCHEMA);
			path = path.substring(ScimJson.ENTERPRISE_SCHEMA.length() + 1);
		}
		else if (path.regionMatches(true, 0, "urn:", 0, 4)) {
			path = path.substring(path.lastIndexOf(':') + 1);
		}
		String[] parts = path.split("\\.", 2);
		JsonNode value = ScimJson.getIgnoreCase(container, parts[0]);
		if (value != null && value.isArray()) {
			value = primaryOrFirst(value);
		}
		if (parts.length > 1) {
			value = ScimJson.getIgnoreCase(value, parts[1]);
		}
		else if (value != null && value.isObject()) {
			value = ScimJson.getIgnoreCase(value, "value");
		}
		return ScimJson.text(value);
	}

	private static JsonNode primaryOrFirst(JsonNode array) {
		for (JsonNode element : array) {
			if (element.path("primary").asBoolean(false)) {
				return element;
			}
		}
		return array.isEmpty() ? null : array.get(0);
	}

}

package io.scimflow.miroserver.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scimflow.miroserver.scim.ScimError;
import io.scimflow.miroserver.scim.ScimJson;

/**
 * /ServiceProviderConfig, /ResourceTypes and /Schemas (reference 1), served from JSON files
 * beside this class with locations filled in for this server.
 */
public final class DiscoveryEndpoint {

	private final ObjectNode serviceProviderConfig = (ObjectNode) load("ServiceProviderConfig.json");

	private final ArrayNode resourceTypes = (ArrayNode) load("ResourceTypes.json");

	private final ArrayNode schemas = (ArrayNode) load("Schemas.json");

	private final Supplier<String> baseUrl;

	public DiscoveryEndpoint(Supplier<String> baseUrl) {
		this.baseUrl = baseUrl;
	}

	public ObjectNode serviceProviderConfig() {
		ObjectNode config = this.serviceProviderConfig.deepCopy();
		((ObjectNode) config.get("meta")).put("location", this.baseUrl.get() + "/ServiceProviderConfig");
		return config;
	}

	public ObjectNode resourceTypes() {
		return list(this.resourceTypes, "/ResourceTypes/", "id");
	}

	public ObjectNode resourceType(String id) {
		return find(this.resourceTypes, "id", id, "/ResourceTypes/", "ResourceType");
	}

	public ObjectNode schemas() {
		return list(this.schemas, "/Schemas/", "id");
	}

	public ObjectNode schema(String id) {
		return find(this.schemas, "id", id, "/Schemas/", "Schema");
	}

	private ObjectNode list(ArrayNode items, String prefix, String idField) {
		ObjectNode list = ScimJson.listResponse(items.size());
		list.put("itemsPerPage", items.size());
		list.put("startIndex", 1);
		ArrayNode resources = list.putArray("Resources");
		items.forEach((item) -> resources.add(located((ObjectNode) item, prefix + item.path(idField).asText())));
		return list;
	}

	private ObjectNode find(ArrayNode items, String field, String id, String prefix, String kind) {
		for (JsonNode item : items) {
			if (item.path(field).asText().equalsIgnoreCase(id)) {
				return located((ObjectNode) item, prefix + item.path(field).asText());
			}
		}
		throw ScimError.notFound(kind + " " + id + " not found");
	}

	private ObjectNode located(ObjectNode item, String path) {
		ObjectNode copy = item.deepCopy();
		((ObjectNode) copy.get("meta")).put("location", this.baseUrl.get() + path);
		return copy;
	}

	private static JsonNode load(String name) {
		try (InputStream in = DiscoveryEndpoint.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing discovery document " + name);
			}
			return ScimJson.MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read discovery document " + name, ex);
		}
	}

}

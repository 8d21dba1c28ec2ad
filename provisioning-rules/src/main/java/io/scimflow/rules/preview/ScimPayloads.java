package io.scimflow.rules.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.scimflow.rules.mapping.ApplyOn;
import io.scimflow.rules.mapping.MappedValue;
import io.scimflow.rules.mapping.ReferenceValue;
import io.scimflow.rules.mapping.TargetPath;

/**
 * Renders mapped attributes as the SCIM requests a sink would send: the POST body on
 * create, and an RFC 7644 PatchOp on update. Target ids are unknown here, so references
 * show the source id the sink will resolve. Stateless.
 */
public final class ScimPayloads {

	public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private ScimPayloads() {
	}

	/** The POST body: every attribute (Always and create-only) and every reference. */
	public static Map<String, Object> create(String coreSchema, List<MappedValue> attributes,
			List<ReferenceValue> references, boolean redact) {
		Map<String, Object> body = new LinkedHashMap<>();
		Set<String> schemas = new LinkedHashSet<>();
		schemas.add(coreSchema);
		body.put("schemas", schemas);
		for (MappedValue attribute : attributes) {
			TargetPath path = TargetPath.parse(attribute.path());
			if (path.schemaUrn() != null) {
				schemas.add(path.schemaUrn());
			}
			put(body, path, redact ? attribute.displayValue() : attribute.value());
		}
		for (ReferenceValue reference : references) {
			TargetPath path = TargetPath.parse(reference.path());
			if (path.schemaUrn() != null) {
				schemas.add(path.schemaUrn());
			}
			put(body, path, referenceValue(reference));
		}
		body.put("schemas", new ArrayList<>(schemas));
		return body;
	}

	/** The PATCH body: a replace per Always attribute and reference. */
	public static Map<String, Object> patch(List<MappedValue> attributes, List<ReferenceValue> references,
			boolean redact) {
		List<Map<String, Object>> operations = new ArrayList<>();
		for (MappedValue attribute : attributes) {
			if (attribute.applyOn() == ApplyOn.ALWAYS) {
				operations.add(operation(attribute.replaceAll() || !attribute.path().equals("roles") ? "replace" : "add",
						attribute.path(), redact ? attribute.displayValue() : attribute.value()));
			}
		}
		for (ReferenceValue reference : references) {
			if (reference.applyOn() == ApplyOn.ALWAYS) {
				operations.add(operation("replace", reference.path(), referenceValue(reference)));
			}
		}
		return patchOp(operations);
	}

	/** The PATCH that disables a user. */
	public static Map<String, Object> disable() {
		return patchOp(List.of(operation("replace", "active", false)));
	}

	private static Map<String, Object> patchOp(List<Map<String, Object>> operations) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schemas", List.of(PATCH_OP));
		body.put("Operations", operations);
		return body;
	}

	private static Map<String, Object> operation(String op, String path, Object value) {
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("op", op);
		operation.put("path", path);
		operation.put("value", value);
		return operation;
	}

	private static Map<String, Object> referenceValue(ReferenceValue reference) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("value", "<target id of " + reference.objectType().name().toLowerCase(java.util.Locale.ROOT) + " "
				+ reference.sourceId() + ">");
		return value;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> body, TargetPath path, Object value) {
		Map<String, Object> container = body;
		if (path.schemaUrn() != null) {
			container = (Map<String, Object>) body.computeIfAbsent(path.schemaUrn(), (k) -> new LinkedHashMap<>());
		}
		if (path.hasFilter()) {
			List<Map<String, Object>> list = (List<Map<String, Object>>) container.computeIfAbsent(path.attribute(),
					(k) -> new ArrayList<>());
			Object filterValue = filterValue(path);
			Map<String, Object> element = null;
			for (Map<String, Object> candidate : list) {
				if (filterValue.equals(candidate.get(path.filterAttribute()))) {
					element = candidate;
				}
			}
			if (element == null) {
				element = new LinkedHashMap<>();
				element.put(path.filterAttribute(), filterValue);
				list.add(element);
			}
			element.put((path.subAttribute() != null) ? path.subAttribute() : "value", value);
			return;
		}
		if (path.subAttribute() != null) {
			Map<String, Object> complex = (Map<String, Object>) container.computeIfAbsent(path.attribute(),
					(k) -> new LinkedHashMap<>());
			complex.put(path.subAttribute(), value);
			return;
		}
		container.put(path.attribute(), value);
	}

	// "True"/"False" filter values (roles[primary eq "True"]) are booleans in SCIM.
	private static Object filterValue(TargetPath path) {
		String value = path.filterValue();
		if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
			return Boolean.parseBoolean(value);
		}
		return value;
	}

}

package io.scimflow.miroserver.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} / {@code excludedAttributes} projection of a resource. {@code id},
 * {@code schemas} and {@code meta} are always returned. Attribute names are matched without
 * regard to case; sub-attributes ({@code emails.value}) and extension paths
 * ({@code urn:…:enterprise:2.0:User:department}) are understood.
 */
public final class Projection {

	private static final Projection ALL = new Projection(List.of(), false);

	private final List<AttributeRef> refs;

	private final boolean exclude;

	private Projection(List<AttributeRef> refs, boolean exclude) {
		this.refs = refs;
		this.exclude = exclude;
	}

	public static Projection all() {
		return ALL;
	}

	static Projection of(Map<String, String> params) {
		String attributes = params.get("attributes");
		if (attributes != null && !attributes.isBlank()) {
			return new Projection(parse(attributes), false);
		}
		String excluded = params.get("excludedattributes");
		if (excluded != null && !excluded.isBlank()) {
			return new Projection(parse(excluded), true);
		}
		return ALL;
	}

	private static List<AttributeRef> parse(String list) {
		List<AttributeRef> refs = new ArrayList<>();
		for (String item : list.split(",")) {
			String trimmed = item.trim();
			if (!trimmed.isEmpty()) {
				refs.add(AttributeRef.parse(trimmed));
			}
		}
		return refs;
	}

	public boolean isAll() {
		return this.refs.isEmpty();
	}

	/** True when the projection would return attribute {@code name} (top level, core schema). */
	public boolean includes(String name) {
		if (isAll()) {
			return true;
		}
		boolean named = this.refs.stream().anyMatch((r) -> r.schema() == null && r.name().equalsIgnoreCase(name));
		return this.exclude != named || isAlwaysReturned(name);
	}

	public ObjectNode apply(ObjectNode resource) {
		if (isAll()) {
			return resource;
		}
		return this.exclude ? excluded(resource) : included(resource);
	}

	private ObjectNode included(ObjectNode resource) {
		ObjectNode out = ScimJson.object();
		for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			String key = field.getKey();
			JsonNode value = field.getValue();
			if (isAlwaysReturned(key)) {
				out.set(key, value);
			}
			else if (key.startsWith("urn:")) {
				JsonNode ext = pick(value, refsFor(key));
				if (ext != null) {
					out.set(key, ext);
				}
			}
			else {
				JsonNode picked = pick(key, value, coreRefs());
				if (picked != null) {
					out.set(key, picked);
				}
			}
		}
		return out;
	}

	private ObjectNode excluded(ObjectNode resource) {
		ObjectNode out = resource.deepCopy();
		for (AttributeRef ref : this.refs) {
			if (ref.schema() == null && isAlwaysReturned(ref.name())) {
				continue;
			}
			JsonNode container = (ref.schema() == null) ? out : ScimJson.getIgnoreCase(out, ref.schema());
			if (container == null || !container.isObject()) {
				continue;
			}
			if (ref.name() == null) {
				out.remove(ref.schema());
				continue;
			}
			String key = actualKey(container, ref.name());
			if (key == null) {
				continue;
			}
			if (ref.sub() == null) {
				((ObjectNode) container).remove(key);
			}
			else {
				removeSub(container.get(key), ref.sub());
			}
		}
		return out;
	}

	private static void removeSub(JsonNode value, String sub) {
		if (value instanceof ObjectNode obj) {
			String key = actualKey(obj, sub);
			if (key != null) {
				obj.remove(key);
			}
		}
		else if (value instanceof ArrayNode array) {
			array.forEach((element) -> removeSub(element, sub));
		}
	}

	private List<AttributeRef> coreRefs() {
		return this.refs.stream().filter((r) -> r.schema() == null).toList();
	}

	private List<AttributeRef> refsFor(String schema) {
		return this.refs.stream().filter((r) -> r.schema() != null && r.schema().equalsIgnoreCase(schema)).toList();
	}

	/** Picks the named attributes of an extension object; a bare schema reference keeps it whole. */
	private static JsonNode pick(JsonNode extension, List<AttributeRef> refs) {
		if (refs.isEmpty() || !extension.isObject()) {
			return null;
		}
		if (refs.stream().anyMatch((r) -> r.name() == null)) {
			return extension;
		}
		ObjectNode out = ScimJson.object();
		for (Iterator<Map.Entry<String, JsonNode>> it = extension.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			JsonNode picked = pick(field.getKey(), field.getValue(), refs);
			if (picked != null) {
				out.set(field.getKey(), picked);
			}
		}
		return out.isEmpty() ? null : out;
	}

	private static JsonNode pick(String key, JsonNode value, List<AttributeRef> refs) {
		List<String> subs = new ArrayList<>();
		for (AttributeRef ref : refs) {
			if (ref.name() != null && ref.name().equalsIgnoreCase(key)) {
				if (ref.sub() == null) {
					return value;
				}
				subs.add(ref.sub());
			}
		}
		if (subs.isEmpty()) {
			return null;
		}
		return keepSubs(value, subs);
	}

	private static JsonNode keepSubs(JsonNode value, List<String> subs) {
		if (value instanceof ArrayNode array) {
			ArrayNode out = ScimJson.array();
			array.forEach((element) -> out.add(keepSubs(element, subs)));
			return out;
		}
		if (value instanceof ObjectNode obj) {
			ObjectNode out = ScimJson.object();
			obj.fields().forEachRemaining((f) -> {
				if (subs.stream().anyMatch((s) -> s.equalsIgnoreCase(f.getKey()))) {
					out.set(f.getKey(), f.getValue());
				}
			});
			return out;
		}
		return value;
	}

	private static String actualKey(JsonNode container, String name) {
		for (Iterator<String> it = container.fieldNames(); it.hasNext();) {
			String key = it.next();
			if (key.equalsIgnoreCase(name)) {
				return key;
			}
		}
		return null;
	}

	private static boolean isAlwaysReturned(String name) {
		return "id".equalsIgnoreCase(name) || "schemas".equalsIgnoreCase(name) || "meta".equalsIgnoreCase(name);
	}

	/** One entry of an attributes list: optional extension schema, attribute, optional sub-attribute. */
	record AttributeRef(String schema, String name, String sub) {

		static AttributeRef parse(String text) {
			String schema = null;
			String rest = text;
			if (text.regionMatches(true, 0, "urn:", 0, 4)) {
				String core = findCorePrefix(text);
				if (core != null) {
					rest = text.substring(core.length() + 1);
				}
				else if (text.equalsIgnoreCase(ScimJson.ENTERPRISE_SCHEMA)) {
					return new AttributeRef(ScimJson.ENTERPRISE_SCHEMA, null, null);
				}
				else {
					int colon = text.lastIndexOf(':');
					schema = text.substring(0, colon);
					rest = text.substring(colon + 1);
				}
			}
			int dot = rest.indexOf('.');
			if (dot < 0) {
				return new AttributeRef(schema, rest, null);
			}
			return new AttributeRef(schema, rest.substring(0, dot), rest.substring(dot + 1));
		}

		private static String findCorePrefix(String text) {
			for (String core : List.of(ScimJson.USER_SCHEMA, ScimJson.GROUP_SCHEMA)) {
				if (text.length() > core.length() && text.regionMatches(true, 0, core, 0, core.length())
						&& text.charAt(core.length()) == ':') {
					return core;
				}
			}
			return null;
		}

	}

}

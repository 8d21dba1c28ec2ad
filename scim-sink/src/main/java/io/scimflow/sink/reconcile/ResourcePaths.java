package io.scimflow.sink.reconcile;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.sink.target.ScimPathNames;

/**
 * Reads and writes the SCIM paths operations use inside a resource: {@code userName},
 * {@code name.givenName}, {@code emails[type eq "work"].value} and extension paths such as
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}. Attribute
 * names match without case, as SCIM requires. Stateless.
 */
public final class ResourcePaths {

    // attr[sub eq "value"].subAttr  (the value filter form Entra's mappings use), or attr[sub eq true].subAttr.
    // The filter value compares with the element's value as text without case, so "True" finds
    // the element whose sub-attribute is the boolean true (Miro's roles[primary eq true]).
    private static final Pattern FILTERED = Pattern.compile(
            "^(\\w+)\\[\\s*(\\w+)\\s+eq\\s+(?:\"([^\"]*)\"|(true|false))\\s*\\](?:\\.(\\w+))?$", Pattern.CASE_INSENSITIVE);

    // Operations use the few paths of the attribute mappings over and over: each is parsed once.
    private static final int CACHE_LIMIT = 1024;
    private static final Map<String, ParsedPath> PARSED = new ConcurrentHashMap<>();

    private ResourcePaths() {
    }

    /**
     * A path taken apart: the extension schema (or null), then either a value filter
     * {@code attr[filterAttr eq value].subAttr} (subAttr may be null) or dotted attribute names.
     */
    private record ParsedPath(String schema, String attr, String filterAttr, String filterValue, String subAttr, String[] parts) {

        boolean filtered() {
            return filterAttr != null;
        }

        static ParsedPath of(String path) {
            ParsedPath parsed = PARSED.get(path);
            if (parsed == null) {
                parsed = parse(path);
                if (PARSED.size() < CACHE_LIMIT) {
                    PARSED.put(path, parsed);
                }
            }
            return parsed;
        }

        private static ParsedPath parse(String path) {
            String schema = ScimPathNames.schemaOf(path);
            String rest = ScimPathNames.withoutSchema(path);
            Matcher filtered = FILTERED.matcher(rest);
            if (filtered.matches()) {
                String value = filtered.group(3) != null ? filtered.group(3) : filtered.group(4);
                return new ParsedPath(schema, filtered.group(1), filtered.group(2), value, filtered.group(5), null);
            }
            return new ParsedPath(schema, null, null, null, null, rest.split("\\."));
        }
    }

    /** The value at the path, or null when absent. */
    public static JsonNode read(ObjectNode resource, String path) {
        ParsedPath parsed = ParsedPath.of(path);
        ObjectNode container = container(resource, parsed.schema(), false);
        if (container == null) {
            return null;
        }
        if (parsed.filtered()) {
            JsonNode array = field(container, parsed.attr());
            if (array == null || !array.isArray()) {
                return null;
            }
            for (JsonNode element : array) {
                if (selects(element, parsed)) {
                    return parsed.subAttr() == null ? element : field(element, parsed.subAttr());
                }
            }
            return null;
        }
        JsonNode node = container;
        for (String part : parsed.parts()) {
            node = field(node, part);
            if (node == null) {
                return null;
            }
        }
        return node.isNull() ? null : node;
    }

    /** Sets the value at the path, creating the containers and the filtered array element. */
    public static void write(ObjectNode resource, String path, JsonNode value) {
        ParsedPath parsed = ParsedPath.of(path);
        ObjectNode container = container(resource, parsed.schema(), true);
        if (parsed.filtered()) {
            String arrayName = existingName(container, parsed.attr());
            JsonNode existing = container.get(arrayName);
            ArrayNode array = existing instanceof ArrayNode a ? a : container.putArray(arrayName);
            ObjectNode element = null;
            for (JsonNode candidate : array) {
                if (candidate instanceof ObjectNode o && selects(o, parsed)) {
                    element = o;
                }
            }
            if (element == null) {
                element = array.addObject();
                element.set(parsed.filterAttr(), filterValue(parsed));
                if ("emails".equalsIgnoreCase(arrayName) && array.size() == 1) {
                    element.put("primary", true);
                }
            }
            if (parsed.subAttr() == null) {
                if (value instanceof ObjectNode o) {
                    element.setAll(o);
                }
            } else {
                element.set(parsed.subAttr(), value);
            }
            return;
        }
        String[] parts = parsed.parts();
        ObjectNode node = container;
        for (int i = 0; i < parts.length - 1; i++) {
            String name = existingName(node, parts[i]);
            JsonNode child = node.get(name);
            node = child instanceof ObjectNode o ? o : node.putObject(name);
        }
        node.set(existingName(node, parts[parts.length - 1]), value);
    }

    /** True when the array element's filtered sub-attribute equals the filter value (as text, without case). */
    private static boolean selects(JsonNode element, ParsedPath parsed) {
        JsonNode key = field(element, parsed.filterAttr());
        return key != null && !key.isNull() && key.asText().equalsIgnoreCase(parsed.filterValue());
    }

    /** The filter value as written into a new element: "True"/"False" (any case) and bare literals as booleans. */
    private static JsonNode filterValue(ParsedPath parsed) {
        String text = parsed.filterValue();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return nodes().booleanNode(Boolean.parseBoolean(text));
        }
        return nodes().textNode(text);
    }

    private static ObjectNode container(ObjectNode resource, String schema, boolean create) {
        if (schema == null) {
            return resource;
        }
        String name = existingName(resource, schema);
        JsonNode extension = resource.get(name);
        if (extension instanceof ObjectNode o) {
            return o;
        }
        if (!create) {
            return null;
        }
        ObjectNode created = resource.putObject(schema);
        JsonNode schemas = resource.get("schemas");
        if (schemas instanceof ArrayNode array) {
            boolean listed = false;
            for (JsonNode s : array) {
                listed |= s.asText().equalsIgnoreCase(schema);
            }
            if (!listed) {
                array.add(schema);
            }
        }
        return created;
    }

    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String existingName(ObjectNode node, String name) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return name;
    }

    static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }
}

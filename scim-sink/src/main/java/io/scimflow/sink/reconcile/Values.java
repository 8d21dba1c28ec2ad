package io.scimflow.sink.reconcile;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimflow.events.operations.MappedAttribute;

/** Turns desired values into JSON and decides whether a target value already matches. Stateless. */
public final class Values {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {
    }

    /** The desired value of a mapped attribute as JSON ({@code jsonValue} wins over {@code value}). */
    public static JsonNode desired(MappedAttribute attribute) {
        if (attribute.getJsonValue() != null) {
            try {
                return JSON.readTree(attribute.getJsonValue());
            } catch (Exception e) {
                throw new InvalidOperationException("attribute " + attribute.getPath() + " has a jsonValue that is not JSON: "
                        + e.getMessage());
            }
        }
        return toNode(attribute.getValue());
    }

    static JsonNode toNode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(String.valueOf(item)));
            return array;
        }
        return NODES.textNode(value.toString());
    }

    /**
     * True when the target's value already satisfies the desired one. Objects match when every
     * desired field matches (the target may add fields such as {@code display}); arrays match
     * element by element in any order; booleans and numbers also match their string forms
     * (Miro's samples send {@code "true"}).
     */
    public static boolean same(JsonNode desired, JsonNode current) {
        if (desired == null || desired.isNull()) {
            return current == null || current.isNull() || (current.isArray() && current.isEmpty());
        }
        if (current == null || current.isNull()) {
            return desired.isArray() && desired.isEmpty();
        }
        if (desired.isObject()) {
            if (!current.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!same(field.getValue(), fieldIgnoringCase(current, field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isArray()) {
            if (!current.isArray() || current.size() != desired.size()) {
                return false;
            }
            for (JsonNode wanted : desired) {
                boolean found = false;
                for (JsonNode present : current) {
                    if (same(wanted, present)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (desired.isBoolean()) {
            return current.isBoolean() ? current.booleanValue() == desired.booleanValue()
                    : current.isTextual() && current.asText().equalsIgnoreCase(Boolean.toString(desired.booleanValue()));
        }
        if (desired.isNumber()) {
            if (current.isNumber()) {
                return current.decimalValue().compareTo(desired.decimalValue()) == 0;
            }
            return current.isTextual() && current.asText().equals(desired.asText());
        }
        return current.isValueNode() && current.asText().equals(desired.asText());
    }

    private static JsonNode fieldIgnoringCase(JsonNode node, String name) {
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return node.get(candidate);
            }
        }
        return null;
    }

    /** Short text of a value for logs. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}

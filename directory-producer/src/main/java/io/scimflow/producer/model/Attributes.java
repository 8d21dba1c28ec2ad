package io.scimflow.producer.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attribute maps of users and groups, keyed by Microsoft Graph attribute name. Values are
 * {@code String}, {@code Boolean} or {@code List<String>}; null values are dropped so that
 * "not set" has one representation.
 */
public final class Attributes {

    private Attributes() {
    }

    public static Map<String, Object> copyOf(Map<String, ?> attributes) {
        TreeMap<String, Object> copy = new TreeMap<>();
        attributes.forEach((name, value) -> {
            Object normalized = normalize(name, value);
            if (normalized != null) {
                copy.put(name, normalized);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    static Object normalize(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof Number || value instanceof CharSequence) {
            return value.toString();
        }
        throw new IllegalArgumentException("Attribute " + name + " has an unsupported value type "
                + value.getClass().getSimpleName() + " (expected a string, a boolean or a list of strings)");
    }

    public static String string(Map<String, Object> attributes, String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }
}

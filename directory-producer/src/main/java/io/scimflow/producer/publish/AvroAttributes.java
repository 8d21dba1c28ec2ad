package io.scimflow.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Moves Graph-named attributes into and out of the event records: an attribute whose name
 * is a field of the record goes into that field, any other attribute into
 * {@code extensionAttributes} (as text). Fields the producer computes itself are
 * {@code reserved} and never taken from attributes.
 */
final class AvroAttributes {

    static final String EXTENSIONS = "extensionAttributes";

    private AvroAttributes() {
    }

    static void write(SpecificRecordBase record, Map<String, Object> attributes, Set<String> reserved) {
        Schema schema = record.getSchema();
        Map<String, String> extensions = new TreeMap<>();
        attributes.forEach((name, value) -> {
            Schema.Field field = schema.getField(name);
            if (field == null || reserved.contains(name)) {
                extensions.put(name, text(value));
            } else {
                record.put(field.pos(), convert(field, value));
            }
        });
        record.put(schema.getField(EXTENSIONS).pos(), extensions);
    }

    /** The attributes a record carries: set fields other than the reserved ones, plus its extension attributes. */
    static Map<String, Object> read(SpecificRecordBase record, Set<String> reserved) {
        Map<String, Object> attributes = new TreeMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            if (reserved.contains(field.name()) || field.name().equals(EXTENSIONS)) {
                continue;
            }
            Object value = record.get(field.pos());
            if (value instanceof List<?> list) {
                if (!list.isEmpty()) {
                    attributes.put(field.name(), list.stream().map(String::valueOf).toList());
                }
            } else if (value instanceof Boolean) {
                attributes.put(field.name(), value);
            } else if (value != null) {
                attributes.put(field.name(), value.toString());
            }
        }
        Object extensions = record.get(record.getSchema().getField(EXTENSIONS).pos());
        if (extensions instanceof Map<?, ?> map) {
            map.forEach((name, value) -> attributes.put(name.toString(), value == null ? null : value.toString()));
        }
        return attributes;
    }

    private static Object convert(Schema.Field field, Object value) {
        return switch (valueType(field.schema())) {
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
            case ARRAY -> {
                List<String> items = new ArrayList<>();
                if (value instanceof List<?> list) {
                    for (Object item : list) {
                        items.add(String.valueOf(item));
                    }
                } else {
                    items.add(value.toString());
                }
                yield items;
            }
            default -> text(value);
        };
    }

    /** The type of a field's values: the first non-null branch of a union. */
    private static Schema.Type valueType(Schema type) {
        if (type.getType() != Schema.Type.UNION) {
            return type.getType();
        }
        for (Schema branch : type.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch.getType();
            }
        }
        throw new IllegalStateException("A union of null only: " + type);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}

package io.scimflow.producer.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * Copies of event records without Avro's deep copies (a builder deep-copies every field it
 * is given and every schema default it fills in). The producer never changes a record once
 * built, so a copy may share its field values with the original.
 */
final class RecordCopies {

    private RecordCopies() {
    }

    /** {@code into} with every field of {@code from} (same schema), sharing the values. */
    static <T extends SpecificRecordBase> T shallow(T from, T into) {
        int fields = from.getSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            into.put(i, from.get(i));
        }
        return into;
    }

    /**
     * {@code into} with every field of {@code defaults} (a record the schema's builder made,
     * so holding the schema defaults), with its own copy of each list and map so the caller
     * may fill them in.
     */
    static <T extends SpecificRecordBase> T withDefaults(T defaults, T into) {
        int fields = defaults.getSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            Object value = defaults.get(i);
            if (value instanceof List<?> list) {
                value = new ArrayList<>(list);
            } else if (value instanceof Map<?, ?> map) {
                value = new HashMap<>(map);
            }
            into.put(i, value);
        }
        return into;
    }
}

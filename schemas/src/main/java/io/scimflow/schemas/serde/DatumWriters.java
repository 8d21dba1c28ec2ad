package io.scimflow.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Avro datum writers by schema object (identity) and kind (generated or generic records),
 * so a serializer builds one writer per schema rather than one per record. A writer holds
 * no state between writes, so one is shared by every thread. Bounded: it starts over when
 * it holds {@link #MAX_ENTRIES} writers. Thread-safe.
 */
final class DatumWriters {

    static final int MAX_ENTRIES = 1_000;

    private final Map<Key, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    DatumWriter<Object> writerFor(Schema schema, boolean specific) {
        Key key = new Key(schema, specific);
        DatumWriter<Object> writer = writers.get(key);
        if (writer != null) {
            return writer;
        }
        writer = specific ? new SpecificDatumWriter<>(schema) : new GenericDatumWriter<>(schema);
        if (writers.size() >= MAX_ENTRIES) {
            writers.clear();
        }
        writers.put(key, writer);
        return writer;
    }

    int size() {
        return writers.size();
    }

    /** A schema object and a kind, equal only to the same object with the same kind. */
    private record Key(Schema schema, boolean specific) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.schema == schema && key.specific == specific;
        }

        @Override
        public int hashCode() {
            return 2 * System.identityHashCode(schema) + (specific ? 1 : 0);
        }
    }
}

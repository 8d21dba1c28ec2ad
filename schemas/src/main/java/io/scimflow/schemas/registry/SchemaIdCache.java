package io.scimflow.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import org.apache.avro.Schema;

/**
 * Schema ids by subject and schema <em>object</em> (identity, not content), in front of a
 * cache keyed by the schema's text: a hit costs one map look-up instead of writing the
 * whole schema as JSON. Two equal schema objects each get their own entry, resolved once
 * through the text-keyed cache, so the answers are those the text alone gives. Bounded:
 * it starts over when it holds {@link #MAX_ENTRIES} entries (code that parses a new schema
 * object per record then pays the JSON cost, as without this cache). Thread-safe.
 */
final class SchemaIdCache {

    static final int MAX_ENTRIES = 1_000;

    private final Map<Key, Integer> ids = new ConcurrentHashMap<>();

    /** The cached id, or the one {@code load} finds (then cached); a failing load caches nothing. */
    int idOf(String subject, Schema schema, IntSupplier load) {
        Key key = new Key(subject, schema);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int loaded = load.getAsInt();
        if (ids.size() >= MAX_ENTRIES) {
            ids.clear();
        }
        ids.put(key, loaded);
        return loaded;
    }

    int size() {
        return ids.size();
    }

    /** A subject and a schema object, equal only to the same subject with the same object. */
    private record Key(String subject, Schema schema) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.schema == schema && key.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return 31 * subject.hashCode() + System.identityHashCode(schema);
        }
    }
}

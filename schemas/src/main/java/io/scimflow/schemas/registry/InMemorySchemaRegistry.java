package io.scimflow.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * A schema registry held in memory: global ids from 1 upwards, the same schema gets the
 * same id under every subject, versions per subject from 1 upwards. Thread-safe.
 */
final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsBySchema.computeIfAbsent(schema, s -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, s);
            return next;
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404, 40403);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found", 404, 40401);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
    }
}

package io.scimflow.schemas.registry;

import org.apache.avro.Schema;

/**
 * The calls the Avro serde makes to a schema registry that speaks the Confluent Schema
 * Registry REST API (Confluent, Karapace, Redpanda, Apicurio's ccompat API), or to the
 * in-process {@link MockSchemaRegistry}.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of a schema already registered under the subject; fails when it is not. */
    int idOf(String subject, Schema schema);

    /** Returns the schema with this global id. */
    Schema schemaById(int id);

    /** Returns the newest version registered under the subject. */
    RegisteredSchema latest(String subject);
}

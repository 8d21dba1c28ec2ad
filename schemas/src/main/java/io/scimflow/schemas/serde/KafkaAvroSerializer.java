package io.scimflow.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.scimflow.schemas.registry.RegisteredSchema;
import io.scimflow.schemas.registry.SchemaRegistryClient;
import io.scimflow.schemas.registry.SchemaRegistryClients;
import io.scimflow.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in Confluent's wire format, configured with Confluent's keys
 * ({@code schema.registry.url}, {@code auto.register.schemas}, {@code use.latest.version},
 * basic-auth keys), subjects named by topic. Drop-in compatible with
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer}: same configuration, same bytes.
 * A null value is written as null (a tombstone).
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    /** Writers by schema, made once (a writer is thread-safe). */
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;

    public KafkaAvroSerializer() {
    }

    /** For code that builds its own client (Confluent's serializer has the same constructor). */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.forConfig(config);
        }
        // Writing generated records can load their classes through Avro's checks too.
        TrustedEventClasses.install();
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Cannot serialize a " + data.getClass().getName()
                    + " to Avro for topic " + topic + ": only Avro records (generated or generic) are supported");
        }
        String subject = AvroSerdeConfig.subject(topic, isKey);
        WriterSchema target = schemaFor(subject, container.getSchema());
        return write(target.id(), target.schema(), data);
    }

    /**
     * Gets the id the records of this schema will be written with for the topic now (registering
     * the schema when configured to), so the first record sent does not wait for the registry.
     *
     * @throws SerializationException when the registry cannot give an id
     */
    public void prepare(String topic, Schema schema) {
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        WriterSchema target = schemaFor(AvroSerdeConfig.subject(topic, isKey), schema);
        writers.computeIfAbsent(target.schema(), SpecificDatumWriter::new);
    }

    /** The id and schema records are written with. */
    private record WriterSchema(int id, Schema schema) {
    }

    private WriterSchema schemaFor(String subject, Schema schema) {
        try {
            if (config.useLatestVersion()) {
                RegisteredSchema latest = registry.latest(subject);
                return new WriterSchema(latest.id(), latest.schema());
            }
            int id = config.autoRegisterSchemas() ? registry.register(subject, schema) : registry.idOf(subject, schema);
            return new WriterSchema(id, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    private byte[] write(int id, Schema schema, Object data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(WireFormat.MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        DatumWriter<Object> writer = data instanceof SpecificRecord
                ? writers.computeIfAbsent(schema, SpecificDatumWriter::new)
                : new GenericDatumWriter<>(schema);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
    }
}

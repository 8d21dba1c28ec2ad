package io.scimflow.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.scimflow.schemas.registry.SchemaRegistryClient;
import io.scimflow.schemas.registry.SchemaRegistryClients;
import io.scimflow.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format: checks the magic byte, fetches the writer
 * schema by id, and decodes into the generated class when {@code specific.avro.reader=true}
 * (resolving the writer schema against the class's schema, so old records read with new
 * code), else into a {@code GenericRecord}. Drop-in compatible with
 * {@code io.confluent.kafka.serializers.KafkaAvroDeserializer}.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;

    public KafkaAvroDeserializer() {
    }

    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
        this.registry = registry;
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        if (registry == null) {
            registry = SchemaRegistryClients.forConfig(config);
        }
        TrustedEventClasses.install();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        if (data.length < WireFormat.HEADER_SIZE || data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte in a record of topic " + topic
                    + ": not in the Confluent Avro wire format (" + data.length + " bytes)");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot get writer schema " + id + " for a record of topic " + topic + ": " + e.getMessage(), e);
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(
                    data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode a record of topic " + topic + " with schema " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fetches the newest schema of the topic's value subject now, so records written with it
     * are read without a registry call on the first one.
     *
     * @return false when the subject has no schema yet or the registry cannot be reached (the
     *         first record then fetches its schema, as without this call)
     */
    public boolean prepare(String topic) {
        if (config == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        try {
            readers.computeIfAbsent(registry.latest(AvroSerdeConfig.subject(topic, false)).id(), this::readerFor);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (!config.specificAvroReader()) {
            return new GenericDatumReader<>(writer);
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("No generated class on the classpath for " + writer.getFullName()
                    + " (specific.avro.reader=true)");
        }
        Schema reader = SpecificData.get().getSchema(generated);
        return new SpecificDatumReader<>(writer, reader);
    }

    @Override
    public void close() {
    }
}

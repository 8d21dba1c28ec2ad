package io.scimflow.worker.kafka;

import java.util.Map;

import io.scimflow.schemas.registry.SchemaRegistryException;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes directory records (Confluent wire format, generated classes). Decoding happens
 * in the listener rather than in the consumer, so that a record parked on the dead-letter
 * topic keeps its original bytes. Undecodable bytes and unknown schemas are permanent; a
 * registry that does not answer is not (the record is retried).
 */
final class RecordDecoder {

	private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

	RecordDecoder(String schemaRegistryUrl) {
		this.deserializer.configure(Map.of("schema.registry.url", schemaRegistryUrl, "specific.avro.reader", true), false);
	}

	/** Fetches the newest schema of each topic ahead of the first record; false for a topic without one yet. */
	boolean prepare(String topic) {
		return this.deserializer.prepare(topic);
	}

	Object decode(String topic, byte[] value) {
		try {
			return this.deserializer.deserialize(topic, value);
		}
		catch (SerializationException ex) {
			if (ex.getCause() instanceof SchemaRegistryException registry
					&& (registry.httpStatus() == 0 || registry.httpStatus() >= 500)) {
				throw new IllegalStateException("schema registry unavailable, will retry: " + registry.getMessage(), ex);
			}
			throw new PermanentRecordException("cannot decode: " + ex.getMessage(), ex);
		}
	}

}

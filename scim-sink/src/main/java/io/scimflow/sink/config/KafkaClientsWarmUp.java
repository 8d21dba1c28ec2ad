package io.scimflow.sink.config;

import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.sink.ObjectLink;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Done once while the sink starts, before it consumes: loads the metadata of the topics it
 * writes (links, provisioning log), gets the ids of the schemas it writes and fetches the
 * newest operation schema. Without it the first operation after a start waits for all of that
 * (seconds on a small machine). Nothing here stops the start: what fails is done again by the
 * first operation, as before.
 */
final class KafkaClientsWarmUp {

    private static final Logger log = LoggerFactory.getLogger(KafkaClientsWarmUp.class);

    private KafkaClientsWarmUp() {
    }

    static void prepare(Producer<String, Object> producer, KafkaAvroSerializer values, KafkaAvroDeserializer operations,
            SinkProperties.Topics topics) {
        try {
            producer.partitionsFor(topics.getLinks());
            producer.partitionsFor(topics.getLog());
            values.prepare(topics.getLinks(), ObjectLink.getClassSchema());
            values.prepare(topics.getLog(), ProvisioningLogEntry.getClassSchema());
        } catch (RuntimeException e) {
            log.warn("Could not prepare the links and provisioning log writers ({}); the first operation will", e.getMessage());
        }
        operations.prepare(topics.getOperations());
    }
}

package io.scimflow.sink.config;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.sink.ObjectLink;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.target.TargetCapabilities;
import io.scimflow.sink.warmup.SinkWarmUp;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Done once while the sink starts, before it consumes: loads the metadata of the topics it
 * writes (links, provisioning log), gets the ids of the schemas it writes and fetches the
 * newest operation schema. Without it the first operation after a start waits for all of that
 * (seconds on a small machine). Then the per-operation code is rehearsed ({@link #rehearse}).
 * Nothing here stops the start: what fails is done again by the first operation, as before.
 */
final class KafkaClientsWarmUp {

    /** The rehearsal stops after this long, however many operations it has done. */
    static final Duration REHEARSAL_BUDGET = Duration.ofSeconds(5);

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

    /**
     * Then the per-operation code is rehearsed on made-up operations ({@link SinkWarmUp}: nothing
     * is sent), at most {@link #REHEARSAL_BUDGET}.
     */
    static void rehearse(TargetCapabilities capabilities, ObjectMapper json, ProvisioningLogWriter logWriter, KafkaAvroSerializer values,
            String logTopic, int operations) {
        if (operations == 0) {
            return;
        }
        try {
            SinkWarmUp.Result result = SinkWarmUp.run(capabilities, json, logWriter, entry -> values.serialize(logTopic, entry), operations,
                    REHEARSAL_BUDGET);
            log.info("Warmed up on {} made-up operations against an in-memory target (nothing sent) in {} ms "
                    + "(scimflow.sink.warm-up-operations={})", result.operations(), result.millis(), operations);
        } catch (RuntimeException e) {
            log.warn("The start-up warm-up failed ({}); the first operations will run slower", e.toString());
        }
    }
}

package io.scimflow.producer.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the {@link PublishedState} by reading the compacted directory topics from the
 * beginning to their current end: the topics <em>are</em> the directory, so after a restart
 * the producer publishes only what changed while it was down. Reads without a consumer
 * group (manual assignment, no commits).
 */
public final class TopicStateReader {

    private static final Logger log = LoggerFactory.getLogger(TopicStateReader.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private TopicStateReader() {
    }

    /**
     * @param consumerConfig Kafka consumer settings with {@code bootstrap.servers} and the Avro
     *                       deserializer's settings ({@code schema.registry.url})
     */
    public static PublishedState read(Map<String, Object> consumerConfig, TopicNames topics, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, io.scimflow.schemas.serde.KafkaAvroDeserializer.class);
        config.put("specific.avro.reader", true);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        PublishedState state = new PublishedState();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastProgress = start;
        int read = 0;
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.users(), topics.groups(), topics.memberships())) {
                for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            end.entrySet().removeIf(e -> e.getValue() == 0L);
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading the directory topics back took longer than " + timeout
                            + " (" + read + " records read, still waiting for " + end.keySet() + ")");
                }
                for (ConsumerRecord<String, Object> record : consumer.poll(POLL)) {
                    state.apply(topics.topicOf(record.topic()), record.key(), (SpecificRecordBase) record.value());
                    read++;
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    lastProgress = System.nanoTime();
                    log.info("Reading the directory topics back: {} records read ({} records/s)", read,
                            read * 1_000_000_000L / Math.max(1, lastProgress - start));
                }
            }
        }
        log.info("Read the directory topics back: {} records, current state {} ({} ms)", read, state,
                (System.nanoTime() - start) / 1_000_000);
        return state;
    }
}

package io.scimflow.schemas.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.schemas.topics.EndOffsets;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Redrives a dead-letter topic of either app (the sink's or the worker's): every record parked
 * and not redriven yet goes back to its original topic with its original key, value and headers
 * (the dead-letter headers removed, {@code scimflow-redrive-count} incremented). Progress lives in
 * the consumer group {@code <dead-letter-topic>-redrive}, the same group the sink's
 * {@code POST /admin/redrive} uses, so a record is redriven once whichever way it was started.
 * A full run commits its progress after each batch is written back (a crash redrives at most that
 * batch again); a dry run or a key filter commits none. A record without the original-topic
 * header goes to the caller's fallback topic, or, without one, is reported as unroutable and
 * holds its partition's progress. Used by the CLI's {@code redrive} and the sink's
 * {@code POST /admin/redrive}. Single-threaded; one instance per run.
 */
public final class DeadLetterRedriver {

    /** One parked record. */
    public record Parked(int partition, long offset, String key, String originalTopic, String reason, String parkedBy, int redriveCount) {

        public String describe() {
            return String.format("%d@%d key=%s -> %s (parked by %s, redriven %d time(s) before): %s", partition, offset, key,
                    originalTopic == null ? "?" : originalTopic, parkedBy == null ? "?" : parkedBy, redriveCount,
                    reason == null ? "(no reason recorded)" : reason);
        }
    }

    /** What a run found and did. */
    public record Result(List<Parked> matched, Map<String, Integer> redrivenByTopic, List<Parked> unroutable, int notMatching) {

        public int redriven() {
            return redrivenByTopic.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Map<String, Object> kafka;
    private final Duration timeout;

    /**
     * @param kafka client settings (at least {@code bootstrap.servers}); no serializers needed
     * @param timeout for each metadata, offsets and commit call
     */
    public DeadLetterRedriver(Map<String, Object> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    public static String progressGroup(String deadLetterTopic) {
        return deadLetterTopic + "-redrive";
    }

    /**
     * Redrives {@code deadLetterTopic} up to its end as of now.
     *
     * @param fallbackTopic where a record without the original-topic header goes; null = nowhere
     * (reported as unroutable)
     * @param key only records with this key (progress is not committed); null for all
     * @param dryRun report what would be redriven, write and commit nothing
     * @throws IllegalArgumentException when the topic does not exist
     */
    public Result run(String deadLetterTopic, String fallbackTopic, String key, boolean dryRun) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, progressGroup(deadLetterTopic));
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Parked> matched = new ArrayList<>();
        List<Parked> unroutable = new ArrayList<>();
        Map<String, Integer> byTopic = new TreeMap<>();
        int notMatching = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = dryRun ? null
                        : new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + deadLetterTopic + " does not exist (nothing was ever parked there?)");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(deadLetterTopic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), timeout);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                if (at == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, at.offset());
                }
            }
            Map<TopicPartition, Long> progress = new HashMap<>();
            Set<TopicPartition> blocked = new java.util.HashSet<>();
            while (!EndOffsets.reached(consumer, end)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    Parked parked = parked(record, fallbackTopic);
                    if (key != null && !key.equals(parked.key())) {
                        notMatching++;
                        continue;
                    }
                    matched.add(parked);
                    if (parked.originalTopic() == null) {
                        unroutable.add(parked);
                        blocked.add(partition);
                        continue;
                    }
                    if (!dryRun) {
                        sent.add(producer.send(new ProducerRecord<>(parked.originalTopic(), null, record.key(), record.value(),
                                redriveHeaders(record, parked.redriveCount()))));
                        byTopic.merge(parked.originalTopic(), 1, Integer::sum);
                    }
                    if (!blocked.contains(partition)) {
                        progress.put(partition, record.offset() + 1);
                    }
                }
                for (Future<RecordMetadata> future : sent) {
                    future.get();
                }
                // Progress moves only for a full run: with a key filter the other records still wait for their redrive.
                if (!dryRun && key == null && !progress.isEmpty()) {
                    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                    progress.forEach((p, offset) -> commit.put(p, new OffsetAndMetadata(offset)));
                    consumer.commitSync(commit, timeout);
                    progress.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("redrive interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("redrive failed while writing back: " + e.getCause(), e);
        }
        return new Result(matched, byTopic, unroutable, notMatching);
    }

    private static Parked parked(ConsumerRecord<byte[], byte[]> record, String fallbackTopic) {
        String original = header(record, DeadLetterHeaders.ORIGINAL_TOPIC);
        if (original == null) {
            original = fallbackTopic;
        }
        String reason = header(record, DeadLetterHeaders.REASON);
        if (reason == null) {
            reason = header(record, DeadLetterHeaders.EXCEPTION_MESSAGE);
        }
        return new Parked(record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), original, reason,
                header(record, DeadLetterHeaders.PARKED_BY), redriveCount(record));
    }

    private static int redriveCount(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(DeadLetterHeaders.REDRIVE_COUNT);
        return header != null && header.value() != null && header.value().length == 4 ? ByteBuffer.wrap(header.value()).getInt() : 0;
    }

    private static RecordHeaders redriveHeaders(ConsumerRecord<byte[], byte[]> record, int count) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("scimflow-")) {
                headers.add(header);
            }
        }
        headers.add(DeadLetterHeaders.REDRIVE_COUNT, ByteBuffer.allocate(4).putInt(count + 1).array());
        return headers;
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

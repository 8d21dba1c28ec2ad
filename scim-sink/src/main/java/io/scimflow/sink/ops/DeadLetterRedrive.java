package io.scimflow.sink.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Redrives the dead-letter topic: republishes every parked record (original key, value and
 * headers, plus an incremented {@link DeadLetterHeaders#REDRIVE_COUNT}) to its original topic,
 * up to the end of the topic as it was when the redrive started. Progress is kept in the
 * consumer group {@code <dlt>-redrive}, so a record is redriven once. Callable from the CLI
 * ({@link #main}), from the sink's {@code POST /admin/redrive}, or from code ({@link #redrive}).
 */
public final class DeadLetterRedrive {

    private DeadLetterRedrive() {
    }

    /** The result: how many records went back to which topics. */
    public record Result(int redriven, Map<String, Integer> byTopic) {
    }

    /**
     * @param kafka client settings (at least {@code bootstrap.servers}); no serializers needed
     * @param deadLetterTopic usually {@code scim-sink.dlt}
     */
    public static Result redrive(Map<String, Object> kafka, String deadLetterTopic) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, deadLetterTopic + "-redrive");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Integer> byTopic = new HashMap<>();
        int total = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(deadLetterTopic, info.partition())));
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(partitions), Duration.ofSeconds(30));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                if (at == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, at.offset());
                }
            }
            while (!reached(consumer, partitions, end)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    String original = header(record, DeadLetterHeaders.ORIGINAL_TOPIC);
                    String topic = original == null ? Topics.PROVISIONING_OPERATIONS : original;
                    sent.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), redriveHeaders(record))));
                    byTopic.merge(topic, 1, Integer::sum);
                    total++;
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                for (Future<RecordMetadata> future : sent) {
                    future.get();
                }
                if (!progress.isEmpty()) {
                    consumer.commitSync(progress);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("redrive interrupted after " + total + " record(s)", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("redrive failed after " + total + " record(s): " + e.getCause(), e);
        }
        return new Result(total, byTopic);
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static RecordHeaders redriveHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        int count = 0;
        for (Header header : record.headers()) {
            if (header.key().equals(DeadLetterHeaders.REDRIVE_COUNT)) {
                count = header.value() != null && header.value().length == 4 ? ByteBuffer.wrap(header.value()).getInt() : 0;
            } else if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("scimflow-")) {
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

    /**
     * {@code java -cp scim-sink.jar io.scimflow.sink.ops.DeadLetterRedrive <bootstrap-servers> [dead-letter-topic]}.
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DeadLetterRedrive <bootstrap-servers> [dead-letter-topic (default " + Topics.SINK_DEAD_LETTER + ")]");
            System.exit(2);
        }
        Result result = redrive(Map.of("bootstrap.servers", args[0]), args.length > 1 ? args[1] : Topics.SINK_DEAD_LETTER);
        System.out.println("Redrove " + result.redriven() + " record(s): " + result.byTopic());
        System.exit(0);
    }
}

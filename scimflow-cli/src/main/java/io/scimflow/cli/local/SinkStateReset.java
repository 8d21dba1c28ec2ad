package io.scimflow.cli.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Makes the sink forget a target: tombstones every link and deletes the sink's consumer
 * group offsets, so that the sink replays every operation into a new, empty target. The
 * local "Miro" keeps its state in memory, so each run of the embedded default starts a
 * new target while the topics are kept.
 */
final class SinkStateReset {

    private SinkStateReset() {
    }

    /** Returns how many links were forgotten. */
    static int forgetTarget(String bootstrapServers, String sinkGroup) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers);
        Set<byte[]> keys = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.SINK_LINKS, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, byte[]> live = new java.util.HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        live.remove(key);
                    } else {
                        live.put(key, record.key());
                    }
                }
            }
            keys.addAll(live.values());
        }
        if (!keys.isEmpty()) {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers, "acks", "all"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (byte[] key : keys) {
                    producer.send(new ProducerRecord<>(Topics.SINK_LINKS, key, null));
                }
                producer.flush();
            }
        }
        try (Admin admin = Admin.create(config)) {
            if (admin.listConsumerGroupOffsets(sinkGroup).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).isEmpty()) {
                return keys.size();
            }
            admin.deleteConsumerGroups(List.of(sinkGroup)).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException("Cannot reset the sink's consumer group " + sinkGroup + ": " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reset the sink's consumer group " + sinkGroup + ": " + e, e);
        }
        return keys.size();
    }
}

package io.scimflow.benchmarks.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Warms the in-process broker's code up before a measured sync: for a while, records go
 * through a scratch topic the way the apps use the broker (idempotent lz4 batches with a
 * short linger, single uncompressed records, a consumer group that fetches and commits).
 * <p>
 * A real deployment's broker is a long-running, warm service. The benchmark's broker starts
 * with the benchmark, in the same JVM as the target server, and without this its JIT
 * compiles the produce and fetch paths during the measured sync, on the same two cores as
 * the pipeline. The topic and the consumer group are deleted afterwards.
 */
public final class BrokerWarmUp {

    static final String TOPIC = "benchmark.broker-warm-up";
    private static final int PARTITIONS = 6;
    private static final int VALUE_BYTES = 600;

    private BrokerWarmUp() {
    }

    /** What the warm-up sent. */
    public record Summary(long records, long flushes, long commits) {
    }

    /** Runs for {@code duration} against the broker at {@code adminConfig}'s bootstrap servers. */
    public static Summary run(Map<String, Object> adminConfig, Duration duration) {
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return sendAndConsume(adminConfig, duration);
            } finally {
                admin.deleteConsumerGroups(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
                admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while warming the broker up", e);
        } catch (Exception e) {
            throw new IllegalStateException("The broker warm-up failed: " + e.getMessage(), e);
        }
    }

    private static Summary sendAndConsume(Map<String, Object> adminConfig, Duration duration) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong records = new AtomicLong();
        AtomicLong flushes = new AtomicLong();
        AtomicLong commits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        // as the producer app and the worker send: idempotent, lz4, batches lingering 5 ms
        threads.add(new Thread(() -> produce(adminConfig, Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 5), 50, running, records, flushes),
                "broker-warm-up-batches"));
        // as the sink writes its log: small uncompressed requests
        threads.add(new Thread(() -> produce(adminConfig, Map.of(ProducerConfig.LINGER_MS_CONFIG, 0), 2, running, records, flushes),
                "broker-warm-up-singles"));
        threads.add(new Thread(() -> consume(adminConfig, running, commits), "broker-warm-up-consumer"));
        threads.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        return new Summary(records.get(), flushes.get(), commits.get());
    }

    private static void produce(Map<String, Object> adminConfig, Map<String, Object> settings, int recordsPerFlush, AtomicBoolean running,
            AtomicLong records, AtomicLong flushes) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.putAll(settings);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        byte[] value = new byte[VALUE_BYTES];
        Random random = new Random(42);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            long n = 0;
            while (running.get()) {
                for (int i = 0; i < recordsPerFlush; i++, n++) {
                    random.nextBytes(value);
                    producer.send(new ProducerRecord<>(TOPIC, ("key-" + n).getBytes(), value.clone()));
                }
                producer.flush();
                records.addAndGet(recordsPerFlush);
                flushes.incrementAndGet();
            }
        }
    }

    private static void consume(Map<String, Object> adminConfig, AtomicBoolean running, AtomicLong commits) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, TOPIC);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(100));
                if (!polled.isEmpty()) {
                    consumer.commitSync();
                    commits.incrementAndGet();
                }
            }
        }
    }
}

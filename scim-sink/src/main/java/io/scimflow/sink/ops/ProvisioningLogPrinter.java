package io.scimflow.sink.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.topics.Topics;
import io.scimflow.sink.log.ProvisioningLogLines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the provisioning log (one line per entry, oldest first per partition) from the start
 * of the topic to its current end:
 * {@code java -cp scim-sink.jar io.scimflow.sink.ops.ProvisioningLogPrinter <bootstrap-servers> <schema-registry-url> [topic]}.
 */
public final class ProvisioningLogPrinter {

    private ProvisioningLogPrinter() {
    }

    /** Reads every entry currently in the topic. */
    public static List<ProvisioningLogEntry> read(Map<String, Object> kafka, String registryUrl, String topic) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", registryUrl, "specific.avro.reader", true), false);
        List<ProvisioningLogEntry> entries = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof ProvisioningLogEntry entry) {
                        entries.add(entry);
                    }
                }
            }
        }
        return entries;
    }

    public static void print(Map<String, Object> kafka, String registryUrl, String topic, PrintStream out) {
        read(kafka, registryUrl, topic).forEach(entry -> out.println(ProvisioningLogLines.format(entry)));
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ProvisioningLogPrinter <bootstrap-servers> <schema-registry-url> [topic (default "
                    + Topics.PROVISIONING_LOG + ")]");
            System.exit(2);
        }
        print(Map.of("bootstrap.servers", args[0]), args[1], args.length > 2 ? args[2] : Topics.PROVISIONING_LOG, System.out);
        System.exit(0);
    }
}

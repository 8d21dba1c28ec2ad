package io.scimflow.cli.logs;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.scimflow.cli.KafkaOptions;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Print the provisioning log (topic provisioning.log), filtered by user, action or status.")
public class LogCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--user", paramLabel = "TEXT", description = "Entries whose source or target id or identity contains TEXT (case-insensitive).")
    String user;

    @Option(names = "--action", paramLabel = "ACTION", description = "CREATE, UPDATE, DISABLE, DELETE or OTHER.")
    String action;

    @Option(names = "--status", paramLabel = "STATUS", description = "SUCCESS, FAILURE, SKIPPED or DROPPED.")
    String status;

    @Option(names = "--since", paramLabel = "ISO-8601", description = "Only entries at or after this time.")
    Instant since;

    @Option(names = "--details", description = "Show steps and modified properties under each entry.")
    boolean details;

    @Option(names = "--follow", description = "Keep printing new entries as they arrive (Ctrl-C to stop).")
    boolean follow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LogFilter filter = new LogFilter(user, action, status, since);
        PrintWriter out = spec.commandLine().getOut();
        int printed = read(kafka, filter, follow, entry -> out.println(details ? LogEntryFormat.details(entry) : LogEntryFormat.line(entry)));
        out.flush();
        if (!follow) {
            out.printf("%d entr%s%n", printed, printed == 1 ? "y" : "ies");
        }
        return 0;
    }

    /** Reads the whole log (without joining a consumer group) and hands matching entries over; returns how many. */
    public static int read(KafkaOptions kafka, LogFilter filter, boolean follow, java.util.function.Consumer<ProvisioningLogEntry> sink) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(kafka.serdeConfig(), false);
        Map<String, Object> config = kafka.clientConfig();
        config.put("enable.auto.commit", "false");
        int count = 0;
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.PROVISIONING_LOG, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (true) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value() instanceof ProvisioningLogEntry entry && filter.matches(entry)) {
                        sink.accept(entry);
                        count++;
                    }
                }
                if (!follow && partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    return count;
                }
            }
        }
    }
}

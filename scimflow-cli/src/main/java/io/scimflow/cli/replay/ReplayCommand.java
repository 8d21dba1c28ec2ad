package io.scimflow.cli.replay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.scimflow.cli.KafkaOptions;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reset the worker's or the sink's consumer group so it processes its input again: "
                + "recovery by replay (Entra's 'restart provisioning').",
                "Stop the group's instances first (or, for the sink, turn provisioning off and let it leave the group)."})
public class ReplayCommand implements Callable<Integer> {

    /** The consumer group of each app, and the topics it reads. */
    static final Map<String, List<String>> KNOWN_GROUPS = Map.of(
            "provisioning-worker", List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS),
            "scim-sink", List.of(Topics.PROVISIONING_OPERATIONS));

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--group", required = true, paramLabel = "GROUP",
            description = "Consumer group: provisioning-worker or scim-sink (or any group with --topic).")
    String group;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topics to reset (default: the ones the group reads).")
    List<String> topics;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Position position;

    static class Position {
        @Option(names = "--to-earliest", description = "Back to the beginning of the topics.")
        boolean earliest;

        @Option(names = "--to-datetime", paramLabel = "ISO-8601", description = "Back to the first record at or after this time, e.g. 2026-11-28T09:00:00Z.")
        Instant time;

        @Option(names = "--to-offset", paramLabel = "TOPIC:PARTITION=OFFSET", split = ",",
                description = "Exact offsets for every partition, e.g. provisioning.operations:0=120,provisioning.operations:1=98")
        Map<String, Long> offsets;
    }

    @Option(names = "--dry-run", description = "Only show the current offsets, the target offsets and the lag.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> groupTopics = topics != null ? topics : KNOWN_GROUPS.get(group);
        if (groupTopics == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Unknown group " + group + ": name its topics with --topic (known groups: " + KNOWN_GROUPS.keySet() + ")");
        }
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            ConsumerGroupReset reset = new ConsumerGroupReset(admin);
            ReplayPlan plan = reset.plan(group, groupTopics, target());
            spec.commandLine().getOut().print(plan.describe());
            if (dryRun) {
                spec.commandLine().getOut().println("Dry run: nothing changed.");
                return 0;
            }
            reset.apply(plan);
            spec.commandLine().getOut().printf("Group %s reset; its instances will process %d record(s) again when they start.%n",
                    group, plan.totalLagAfter());
            return 0;
        }
    }

    private ConsumerGroupReset.Target target() {
        if (position.time != null) {
            return new ConsumerGroupReset.ToTime(position.time);
        }
        if (position.offsets != null) {
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            position.offsets.forEach((key, offset) -> {
                int colon = key.lastIndexOf(':');
                if (colon < 0) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--to-offset wants TOPIC:PARTITION=OFFSET, got " + key + "=" + offset);
                }
                offsets.put(new TopicPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1))), offset);
            });
            return new ConsumerGroupReset.ToOffsets(offsets);
        }
        return new ConsumerGroupReset.ToEarliest();
    }
}

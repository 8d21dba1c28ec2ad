package io.scimflow.cli.redrive;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.scimflow.cli.KafkaOptions;
import io.scimflow.schemas.deadletter.DeadLetterRedriver;
import io.scimflow.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Send the records parked on a dead-letter topic back to their original topic, once each "
                + "(progress in the consumer group <topic>-redrive, shared with the sink's POST /admin/redrive).",
                "Fix the cause first (a mapping, a token, the target's data); a record that fails again is parked again."})
public class RedriveCommand implements Callable<Integer> {

    static final List<String> KNOWN = List.of(Topics.SINK_DEAD_LETTER, Topics.WORKER_DEAD_LETTER);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", required = true, paramLabel = "TOPIC",
            description = "scim-sink.dlt (operations the sink could not apply) or provisioning-worker.dlt (directory records "
                    + "the worker could not decode or map).")
    String from;

    @Option(names = "--dry-run", description = "Only list the parked records that would be redriven; change nothing.")
    boolean dryRun;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Only the records with this key, e.g. user/<id> on scim-sink.dlt or the user id on provisioning-worker.dlt. "
                    + "Moves no progress: a later full redrive sends them again (harmless, effects are idempotent).")
    String key;

    @Option(names = "--allow-any-topic", description = "Accept a --from that is not one of the two known dead-letter topics.")
    boolean anyTopic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!anyTopic && !KNOWN.contains(from)) {
            throw new ParameterException(spec.commandLine(), "Unknown dead-letter topic '" + from + "': expected one of " + KNOWN
                    + " (or add --allow-any-topic)");
        }
        PrintWriter out = spec.commandLine().getOut();
        DeadLetterRedriver.Result result;
        try {
            // The sink's dead letters without the header can only have come from its operations topic.
            String fallback = from.equals(Topics.SINK_DEAD_LETTER) ? Topics.PROVISIONING_OPERATIONS : null;
            result = new DeadLetterRedriver(kafka.clientConfig(), Duration.ofSeconds(30)).run(from, fallback, key, dryRun);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("FAILED: " + e.getMessage());
            return 1;
        }
        for (DeadLetterRedriver.Parked parked : result.matched()) {
            out.println((dryRun ? "would redrive " : "") + parked.describe());
        }
        for (DeadLetterRedriver.Parked parked : result.unroutable()) {
            spec.commandLine().getErr().println("cannot redrive " + parked.partition() + "@" + parked.offset()
                    + ": no kafka_dlt-original-topic header, so its original topic is unknown");
        }
        int routable = result.matched().size() - result.unroutable().size();
        if (dryRun) {
            out.printf("Dry run: %d record(s) waiting on %s%s; nothing changed.%n", routable, from, key == null ? "" : " with key " + key);
        } else {
            out.printf("Redrove %d record(s) from %s%s: %s%n", result.redriven(), from, key == null ? "" : " with key " + key,
                    result.redrivenByTopic());
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return result.unroutable().isEmpty() ? 0 : 1;
    }
}

package io.scimflow.cli.onoff;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entra's "Provisioning Status" switch: turns the sink's consumption off and on through its
 * admin API. Off pauses every partition without committing anything in flight, so nothing is
 * lost: operations wait in Kafka and are applied when provisioning is turned on again.
 */
@Command(name = "provisioning", mixinStandardHelpOptions = true,
        description = {"Turn provisioning off or on (pause or resume the sink's consumption; nothing is lost: "
                + "operations wait in Kafka), show its status, or decide on deletions the accidental-deletion threshold holds.",
                "With several sink instances give every URL, or one name that resolves to all of them "
                        + "(a scaled docker compose service)."})
public class ProvisioningSwitchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "off|on|status|allow-deletes|discard-deletes",
            description = "off: pause, on: resume, status: show each instance; allow-deletes / discard-deletes: apply or "
                    + "skip the disables and deletes the accidental-deletion threshold holds (until the sink is drained).")
    String action;

    @Option(names = "--sink-url", split = ",", paramLabel = "URL",
            defaultValue = "${env:SCIMFLOW_SINK_URL}",
            description = "Admin URL of a sink instance, e.g. http://127.0.0.1:8083 (repeatable or comma-separated; env SCIMFLOW_SINK_URL).")
    List<URI> sinkUrls;

    @Option(names = "--resolve-all", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Call every address a host name resolves to (default on: one name for all scaled instances; "
                    + "--no-resolve-all calls the name once).")
    boolean resolveAll;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per request (default ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String verb = switch (action.toLowerCase(Locale.ROOT)) {
            case "off", "pause", "stop" -> "pause";
            case "on", "resume", "start" -> "resume";
            case "status" -> "status";
            case "allow-deletes", "discard-deletes" -> action.toLowerCase(Locale.ROOT);
            default -> throw new ParameterException(spec.commandLine(), "Unknown action '" + action
                    + "': expected off, on, status, allow-deletes or discard-deletes");
        };
        if (sinkUrls == null || sinkUrls.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing --sink-url: the admin URL of the sink, e.g. http://127.0.0.1:8083");
        }
        List<URI> instances;
        try {
            instances = SinkInstances.expand(sinkUrls, resolveAll);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SinkAdminClient client = new SinkAdminClient(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        int failed = 0;
        for (URI instance : instances) {
            try {
                out.println(client.call(instance, verb).describe());
            } catch (IllegalStateException e) {
                failed++;
                err.println("FAILED " + instance + ": " + e.getMessage());
            }
        }
        if (verb.equals("pause") || verb.equals("resume")) {
            out.printf("Provisioning turned %s on %d of %d sink instance(s).%n", verb.equals("pause") ? "off" : "on",
                    instances.size() - failed, instances.size());
        } else if (!verb.equals("status")) {
            out.printf("Held deletions %s on %d of %d sink instance(s), until each is drained.%n",
                    verb.equals("allow-deletes") ? "allowed" : "discarded", instances.size() - failed, instances.size());
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }
}

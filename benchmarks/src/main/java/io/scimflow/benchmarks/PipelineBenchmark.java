package io.scimflow.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.scimflow.benchmarks.result.BenchmarkResult;
import io.scimflow.benchmarks.result.MachineInfo;
import io.scimflow.benchmarks.result.ResultFiles;
import io.scimflow.benchmarks.result.ResultTable;
import io.scimflow.benchmarks.result.ScenarioResult;
import io.scimflow.benchmarks.run.BenchmarkDirectory;
import io.scimflow.benchmarks.scenario.ChangeLatencyScenario;
import io.scimflow.benchmarks.scenario.RateLimitedScenario;
import io.scimflow.benchmarks.scenario.ScaleOutScenario;
import io.scimflow.benchmarks.scenario.ThroughputScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The benchmark command: runs the chosen scenarios on the real pipeline, prints a table, writes the results. */
@Command(name = "pipeline-benchmark", mixinStandardHelpOptions = true,
        description = "Runs the whole scimflow pipeline (in-process broker, the three apps in child JVMs, the local Miro server) "
                + "and measures throughput, change latency, rate-limit efficiency and scale-out.")
public final class PipelineBenchmark implements Callable<Integer> {

    private static final Set<String> SCENARIOS = Set.of("all", "throughput", "latency", "ratelimited", "scaleout");

    @Option(names = "--scenario", split = ",", defaultValue = "all",
            description = "all, throughput, latency, ratelimited, scaleout (comma-separated). Default: ${DEFAULT-VALUE}")
    List<String> scenarios;

    @Option(names = "--users", split = ",", defaultValue = "1000,10000",
            description = "Directory sizes of the throughput scenario. Default: ${DEFAULT-VALUE}")
    List<Integer> users;

    @Option(names = "--warmup-users", defaultValue = "0",
            description = "Throughput only: sync this many other users first, unmeasured, so the apps' JIT has compiled their hot "
                    + "paths (0 = cold apps, as on a first start). Default: ${DEFAULT-VALUE}")
    int warmupUsers;

    @Option(names = "--directory", split = ",", defaultValue = "flat",
            description = "Directory shapes for throughput, ratelimited and scaleout: flat (every user assigned directly, no groups: "
                    + "one create per user) and/or realistic (the generator's scope mix with department teams). Default: ${DEFAULT-VALUE}")
    List<String> shapes;

    @Option(names = "--sink-concurrency", defaultValue = "16",
            description = "scimflow.sink.concurrency of every sink (also the threads of the concurrent direct baseline). Default: ${DEFAULT-VALUE}")
    int sinkConcurrency;

    @Option(names = "--worker-concurrency", defaultValue = "3",
            description = "scimflow.worker.concurrency: listener threads of the worker (the directory topics have 6 partitions). Default: ${DEFAULT-VALUE}")
    int workerConcurrency;

    @Option(names = "--latency-users", defaultValue = "300", description = "Directory size of the change-latency scenario. Default: ${DEFAULT-VALUE}")
    int latencyUsers;

    @Option(names = "--changes", defaultValue = "1000", description = "Single changes measured one at a time. Default: ${DEFAULT-VALUE}")
    int changes;

    @Option(names = "--ratelimited-users", defaultValue = "2000", description = "Directory size of the rate-limited scenario. Default: ${DEFAULT-VALUE}")
    int rateLimitedUsers;

    @Option(names = "--rate-window", defaultValue = "30s",
            description = "Window of the rate limits, in the server and the sink (Miro: 30s; e.g. 5s for a quick run). Default: ${DEFAULT-VALUE}")
    String rateWindow;

    @Option(names = "--scaleout-users", defaultValue = "4000", description = "Directory size of the scale-out scenario. Default: ${DEFAULT-VALUE}")
    int scaleOutUsers;

    @Option(names = "--scaleout-sink-concurrency", defaultValue = "2",
            description = "scimflow.sink.concurrency of each sink in the scale-out scenario: requests in flight per sink, so one sink's "
                    + "ceiling is concurrency / latency (2 / 100 ms = 20 users/s), low enough that two sinks are still bound by the "
                    + "target's latency and not by the machine's CPU. Default: ${DEFAULT-VALUE}")
    int scaleOutSinkConcurrency;

    @Option(names = "--scaleout-latency", defaultValue = "100ms", description = "Added latency per request in the scale-out scenario. Default: ${DEFAULT-VALUE}")
    String scaleOutLatency;

    @Option(names = "--target-warmup", defaultValue = "20000",
            description = "Throughput only: at least this many POSTs sent to a scratch server before the pipeline starts (in rounds of 2500, "
                    + "until 3 rounds in a row are not 5 %% faster than the best before them), so the target's code in this JVM is warm for the "
                    + "pipeline as it is for the direct baseline (which runs after the pipeline). 0 for none. Default: ${DEFAULT-VALUE}")
    int targetWarmup;

    @Option(names = "--repeat", defaultValue = "3",
            description = "Throughput only: measured pairs per case, each a sync on a fresh pipeline (cold apps) followed by a plain "
                    + "loop of POSTs on a fresh server; the case reports the median sync, the median loop and the median of the pairs' "
                    + "ratios. Default: ${DEFAULT-VALUE}")
    int repeat;

    @Option(names = "--broker-warmup", defaultValue = "15s",
            description = "Throughput only: how long records go through a scratch topic before the measured sync, so the in-process "
                    + "broker's code is warm, as a long-running broker's is. 0s for none. Default: ${DEFAULT-VALUE}")
    String brokerWarmup;

    @Option(names = "--app-heap", defaultValue = "1g",
            description = "Maximum heap (-Xmx) of each app's JVM; a 100,000-user directory needs about 3g in the producer. Default: ${DEFAULT-VALUE}")
    String appHeap;

    @Option(names = "--app-jvm-options",
            description = "More options for each app's JVM, separated by spaces; '' for none (C2 too). Default: "
                    + io.scimflow.cli.local.LocalPipeline.DEFAULT_CHILD_JVM_OPTIONS + " (C1 only, as in the apps' image)")
    String appJvmOptions;

    @Option(names = "--name", description = "Name of the result file (benchmarks/results/<name>.json). Default: run-<date>-<time>")
    String name;

    @Option(names = "--results-dir", defaultValue = "benchmarks/results",
            description = "Where <name>.json and latest.md go. Default: ${DEFAULT-VALUE}")
    Path resultsDir;

    @Option(names = "--compare", description = "A stored result file: prints this run's numbers against it (now / stored).")
    Path compare;

    private final List<String> arguments;

    PipelineBenchmark(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new PipelineBenchmark(List.of(args))).execute(args);
        // Kafka clients and the apps' JVMs are closed; leave no stray non-daemon thread running.
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        for (String scenario : scenarios) {
            if (!SCENARIOS.contains(scenario)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Unknown --scenario " + scenario + "; expected one of " + SCENARIOS);
            }
        }
        BenchmarkResult stored = compare == null ? null : ResultFiles.read(compare);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty(io.scimflow.cli.local.LocalPipeline.CHILD_HEAP_PROPERTY, appHeap);
        if (appJvmOptions != null) {
            System.setProperty(io.scimflow.cli.local.LocalPipeline.CHILD_JVM_OPTIONS_PROPERTY, appJvmOptions);
        }
        io.scimflow.cli.local.LocalPipeline.childJvmOptions(); // refuse a bad value before anything starts
        List<ScenarioResult> results = new ArrayList<>();
        for (String shape : shapes) {
            BenchmarkDirectory.of(shape, 1);
        }
        if (wants("throughput")) {
            for (String shape : shapes) {
                results.addAll(new ThroughputScenario(users, shape, sinkConcurrency, workerConcurrency, warmupUsers, targetWarmup, duration(brokerWarmup), repeat).run());
            }
        }
        if (wants("latency")) {
            results.addAll(new ChangeLatencyScenario(latencyUsers, changes, sinkConcurrency, workerConcurrency).run());
        }
        if (wants("ratelimited")) {
            for (String shape : shapes) {
                results.addAll(new RateLimitedScenario(rateLimitedUsers, shape, duration(rateWindow), sinkConcurrency, workerConcurrency).run());
            }
        }
        if (wants("scaleout")) {
            for (String shape : shapes) {
                results.addAll(new ScaleOutScenario(scaleOutUsers, shape, duration(scaleOutLatency), scaleOutSinkConcurrency, workerConcurrency).run());
            }
        }

        String runName = name != null ? name : "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        BenchmarkResult result = new BenchmarkResult(runName, MachineInfo.current(Path.of(".")), arguments, results);
        System.out.println();
        System.out.print(ResultTable.console(results));
        Path json = resultsDir.resolve(runName + ".json");
        ResultFiles.write(json, result);
        Files.writeString(resultsDir.resolve("latest.md"), ResultTable.markdown(result));
        System.out.println();
        System.out.println("Results: " + json + " and " + resultsDir.resolve("latest.md"));
        if (stored != null) {
            System.out.println();
            System.out.println("Compared with " + compare + " (" + stored.machine().date() + ", " + stored.machine().gitCommit() + "):");
            System.out.print(ResultTable.comparison(results, stored));
        }
        return 0;
    }

    private boolean wants(String scenario) {
        return scenarios.contains("all") || scenarios.contains(scenario);
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(text);
    }
}

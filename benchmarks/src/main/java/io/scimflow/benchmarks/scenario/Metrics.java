package io.scimflow.benchmarks.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.scimflow.benchmarks.run.AppUsage;
import io.scimflow.benchmarks.run.SyncMeasurement;
import io.scimflow.cli.local.LocalPipeline;

/** Builds the metric map of one case, in display order. */
final class Metrics {

    final Map<String, Double> values = new LinkedHashMap<>();
    final Map<String, String> notes = new LinkedHashMap<>();

    /** A NaN value (a stage that was not seen) is left out. */
    Metrics put(String name, double value) {
        if (Double.isNaN(value)) {
            return this;
        }
        values.put(name, value);
        return this;
    }

    Metrics note(String name, String value) {
        notes.put(name, value);
        return this;
    }

    Metrics target(String name, boolean met, String detail) {
        return note("target " + name, (met ? "MET" : "MISSED") + " (" + detail + ")");
    }

    /** Requests per endpoint, CPU seconds and peak memory per app. */
    Metrics sync(String prefix, SyncMeasurement m) {
        put(prefix + "stage_s producer first record", m.firstPublishedSeconds());
        put(prefix + "stage_s worker first operation", m.firstOperationSeconds());
        put(prefix + "stage_s producer published all", m.publishedSeconds());
        put(prefix + "stage_s worker last operation", m.lastOperationSeconds());
        put(prefix + "stage_s worker caught up", m.workerDoneSeconds());
        put(prefix + "stage_s first target write", m.firstWriteSeconds());
        m.requests().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> put(prefix + "requests " + e.getKey(), e.getValue()));
        m.brokerRequests().forEach((request, count) -> put(prefix + "broker_requests " + request, count));
        for (AppUsage app : m.apps()) {
            put(prefix + "cpu_s " + app.app(), app.cpuSeconds());
            put(prefix + "peak_mib " + app.app(), app.peakMemoryMiB());
        }
        put(prefix + "harness_jit_s", m.harnessJitSeconds());
        put(prefix + "startup_s", m.startupSeconds());
        put(prefix + "load_avg_1m", m.loadAverage());
        List<String> jvmOptions = LocalPipeline.childJvmOptions();
        return note("app JVM options", jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions));
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

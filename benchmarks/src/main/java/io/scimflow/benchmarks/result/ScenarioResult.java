package io.scimflow.benchmarks.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one scenario case, e.g. throughput with 10,000 users.
 *
 * @param scenario {@code throughput}, {@code latency}, {@code ratelimited} or {@code scaleout}
 * @param label the case within the scenario, e.g. {@code users=10000}
 * @param metrics named numbers in the order they are shown (units in the names: {@code _s}, {@code _ms}, {@code _per_s}, {@code _mib})
 * @param notes settings and facts that are not numbers (concurrency used, target check results)
 */
public record ScenarioResult(String scenario, String label, Map<String, Double> metrics, Map<String, String> notes) {

    public ScenarioResult {
        metrics = new LinkedHashMap<>(metrics);
        notes = new LinkedHashMap<>(notes);
    }

    public String key() {
        return scenario + " " + label;
    }
}

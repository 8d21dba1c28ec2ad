package io.scimflow.benchmarks.result;

import java.util.List;
import java.util.Optional;

/** One run of the benchmark: the machine and every scenario case that ran. */
public record BenchmarkResult(String name, MachineInfo machine, List<String> arguments, List<ScenarioResult> results) {

    public BenchmarkResult {
        arguments = List.copyOf(arguments);
        results = List.copyOf(results);
    }

    public Optional<ScenarioResult> find(String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}

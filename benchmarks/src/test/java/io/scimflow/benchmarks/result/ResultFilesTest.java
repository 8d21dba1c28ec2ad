package io.scimflow.benchmarks.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    private static BenchmarkResult result(double usersPerSecond) {
        ScenarioResult throughput = new ScenarioResult("throughput", "users=1000 flat",
                Map.of("pipeline_users_per_s", usersPerSecond), Map.of("sink concurrency", "16"));
        return new BenchmarkResult("test", new MachineInfo(2, 4096, "cpu", "jdk", "os", "2026-11-28T15:00:00Z", "abc"),
                List.of("--scenario", "throughput"), List.of(throughput));
    }

    @Test
    void aWrittenResultReadsBackTheSame(@TempDir Path dir) {
        Path file = dir.resolve("run.json");
        ResultFiles.write(file, result(250.0));

        BenchmarkResult read = ResultFiles.read(file);

        assertThat(read).isEqualTo(result(250.0));
        assertThat(read.find("throughput users=1000 flat")).get()
                .extracting(r -> r.metrics().get("pipeline_users_per_s")).isEqualTo(250.0);
    }

    @Test
    void theComparisonShowsNowOverStored() {
        String table = ResultTable.comparison(result(300.0).results(), result(200.0));

        assertThat(table.lines().skip(1).findFirst()).get().asString()
                .matches("throughput\\s+users=1000 flat\\s+pipeline_users_per_s\\s+300\\s+200\\s+1\\.50\\s*");
    }

    @Test
    void aRunWithNothingInCommonSaysSo() {
        ScenarioResult other = new ScenarioResult("latency", "users=300 changes=1000", Map.of("p50_ms", 80.0), Map.of());

        assertThat(ResultTable.comparison(List.of(other), result(200.0))).startsWith("Nothing to compare");
    }
}

package io.scimflow.benchmarks.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.scimflow.benchmarks.run.AppUsage;
import io.scimflow.benchmarks.run.SyncMeasurement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ThroughputScenarioTest {

    @Test
    void theBaselineIsTheMedianOfItsRuns() {
        assertThat(ThroughputScenario.median(new double[] { 900, 1100, 700 })).isEqualTo(900);
        assertThat(ThroughputScenario.median(new double[] { 800, 600 })).isEqualTo(700);
        assertThat(ThroughputScenario.median(new double[] { 512 })).isEqualTo(512);
    }

    @Test
    void aPairComparesItsSyncWithTheLoopThatRanRightAfterIt() {
        ThroughputScenario.Pair pair = new ThroughputScenario.Pair(sync(10_000, 8.0, 1.0, 2.0), 2_500, 0.5);

        assertThat(pair.ratio()).isCloseTo(0.5, within(1e-9)); // 1,250 users/s against 2,500
    }

    @Test
    void theTypicalSyncIsTheOneWithTheMedianRate() {
        SyncMeasurement slow = sync(1_000, 4.0, 1, 1);
        SyncMeasurement middle = sync(1_000, 2.0, 1, 1);
        SyncMeasurement fast = sync(1_000, 1.0, 1, 1);
        List<ThroughputScenario.Pair> pairs = List.of(new ThroughputScenario.Pair(fast, 900, 0), new ThroughputScenario.Pair(slow, 800, 0),
                new ThroughputScenario.Pair(middle, 1000, 0));

        assertThat(ThroughputScenario.medianSync(pairs)).isSameAs(middle);
        assertThat(ThroughputScenario.medianSync(pairs.subList(0, 2))).isSameAs(slow); // the lower middle of two
    }

    @Test
    void cpuPerUserCountsEveryProcess() {
        // 1.0 + 2.0 + 3.0 CPU-s for 2,000 users
        assertThat(ThroughputScenario.cpuMillisPerUser(sync(2_000, 1.0, 1.0, 2.0))).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void refusesFewerThanOnePair() {
        assertThatThrownBy(() -> new ThroughputScenario(List.of(10), "flat", 1, 1, 0, 0, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--repeat");
    }

    @Test
    void aStageThatWasNotSeenIsLeftOutOfTheMetrics() {
        Metrics metrics = new Metrics().put("seen", 1.5).put("not seen", Double.NaN);

        assertThat(metrics.values).containsOnlyKeys("seen");
    }

    /** {@code created} users in {@code seconds}; the sink used {@code sinkCpu}, the worker {@code workerCpu} and the harness 3.0 CPU-s. */
    private static SyncMeasurement sync(int created, double seconds, double sinkCpu, double workerCpu) {
        List<AppUsage> apps = List.of(new AppUsage("scim-sink-1", sinkCpu, 300), new AppUsage("provisioning-worker-1", workerCpu, 300),
                new AppUsage("harness", 3.0, 800));
        return new SyncMeasurement(created, created, seconds, Map.of("POST /Users", (long) created), 0, apps, 20, 0.5, 0.4, 0.6, 0.8,
                seconds - 1.5, seconds - 1, 0.7, Map.of(), 0.25);
    }
}

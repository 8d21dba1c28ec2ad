package io.scimflow.benchmarks.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputScenarioTest {

    @Test
    void theBaselineIsTheMedianOfItsRuns() {
        assertThat(ThroughputScenario.median(new double[] { 900, 1100, 700 })).isEqualTo(900);
        assertThat(ThroughputScenario.median(new double[] { 800, 600 })).isEqualTo(700);
        assertThat(ThroughputScenario.median(new double[] { 512 })).isEqualTo(512);
    }

    @Test
    void aStageThatWasNotSeenIsLeftOutOfTheMetrics() {
        Metrics metrics = new Metrics().put("seen", 1.5).put("not seen", Double.NaN);

        assertThat(metrics.values).containsOnlyKeys("seen");
    }
}

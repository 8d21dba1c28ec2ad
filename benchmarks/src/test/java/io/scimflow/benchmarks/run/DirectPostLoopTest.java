package io.scimflow.benchmarks.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectPostLoopTest {

    @Test
    void theWarmUpGoesOnWhileOneOfTheLastRoundsSetANewBest() {
        // a fresh harness JVM: one slow round (1,164 after 1,441) is no plateau
        assertThat(DirectPostLoop.steady(List.of(305.0, 822.0, 860.0, 925.0, 1049.0, 1064.0, 1441.0, 1164.0))).isFalse();
        assertThat(DirectPostLoop.steady(List.of(1000.0, 1500.0, 1600.0, 1650.0))).isFalse(); // 1,600 is 6.7 % over 1,500
    }

    @Test
    void theWarmUpEndsAfterThreeRoundsWithoutANewBest() {
        assertThat(DirectPostLoop.steady(List.of(1000.0, 3000.0, 2900.0, 3100.0, 2800.0))).isTrue(); // 3,100 is 3.3 % over 3,000
        assertThat(DirectPostLoop.steady(List.of(3000.0, 2900.0, 3100.0))).isFalse(); // too few rounds to tell
    }
}

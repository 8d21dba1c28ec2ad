package io.scimflow.sink.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.scimflow.sink.quarantine.DeletionGuard.Decision;
import org.junit.jupiter.api.Test;

class DeletionGuardTests {

    private static final long MINUTE = 60_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MINUTE);
    private final DeletionGuard guard = new DeletionGuard(3, Duration.ofMinutes(60), now::get);

    @Test
    void appliesUpToTheThresholdWithinTheWindowThenHolds() {
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.holding()).isFalse();

        assertThat(guard.admit()).isEqualTo(Decision.HOLD);
        assertThat(guard.admit()).as("still held, and a held one is not counted").isEqualTo(Decision.HOLD);
        assertThat(guard.holding()).isTrue();
        assertThat(guard.reason()).contains("3 users or groups disabled or deleted within PT1H")
                .contains("POST /admin/allow-deletes").contains("POST /admin/discard-deletes");
    }

    @Test
    void countsOnlyWhatWentThroughWithinTheWindow() {
        guard.admit();
        now.addAndGet(30 * MINUTE);
        guard.admit();
        guard.admit();
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);

        now.addAndGet(30 * MINUTE); // the first one is an hour old now
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);
    }

    @Test
    void anAllowanceAppliesEverythingUntilTheSinkIsDrainedThenCountingStartsAgain() {
        for (int i = 0; i < 3; i++) {
            guard.admit();
        }
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);

        guard.allowUntilDrained();
        assertThat(guard.holding()).isFalse();
        assertThat(guard.decided()).isEqualTo(Decision.APPLY);
        for (int i = 0; i < 100; i++) {
            assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        }

        guard.drained();
        assertThat(guard.decided()).isNull();
        assertThat(guard.admit()).as("a fresh window").isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);
    }

    @Test
    void aDiscardSkipsEveryDeletionUntilTheSinkIsDrained() {
        for (int i = 0; i < 4; i++) {
            guard.admit();
        }
        guard.discardUntilDrained();
        assertThat(guard.admit()).isEqualTo(Decision.DISCARD);
        assertThat(guard.admit()).isEqualTo(Decision.DISCARD);

        guard.drained();
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
    }

    @Test
    void beingDrainedWithoutADecisionKeepsTheCount() {
        guard.admit();
        guard.admit();
        guard.drained();
        guard.admit();
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);
    }

    @Test
    void aRestoredCountGoesOnWhereTheEarlierRunLeftOffAndAgesOutWithTheWindow() {
        int counted = guard.restore(List.of(Duration.ofMinutes(50), Duration.ofMinutes(10), Duration.ofMinutes(90)));
        assertThat(counted).as("the one of 90 minutes ago is outside the window").isEqualTo(2);

        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).as("2 restored + 1 applied = the threshold").isEqualTo(Decision.HOLD);

        now.addAndGet(10 * MINUTE); // the one of 50 minutes ago is an hour old now
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);
    }

    @Test
    void aRestartWhileHeldHoldsAgainAtOnce() {
        int counted = guard.restore(List.of(Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(3),
                Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertThat(counted).as("more than the threshold are never kept").isEqualTo(3);
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);
        assertThat(guard.holding()).isTrue();

        now.addAndGet(57 * MINUTE); // the newest three were 3, 2 and 1 minutes old: the first of them has aged out
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
    }

    @Test
    void anEntryStampedByAClockAheadCountsAsJustApplied() {
        guard.restore(List.of(Duration.ofSeconds(-30), Duration.ofMinutes(1)));
        assertThat(guard.admit()).isEqualTo(Decision.APPLY);
        assertThat(guard.admit()).isEqualTo(Decision.HOLD);

        now.addAndGet(60 * MINUTE);
        assertThat(guard.admit()).as("both have aged out").isEqualTo(Decision.APPLY);
    }

    @Test
    void aGuardThatIsOffRestoresNothing() {
        DeletionGuard off = new DeletionGuard(0, Duration.ofMinutes(1), now::get);
        assertThat(off.restore(List.of(Duration.ZERO))).isZero();
        assertThat(off.admit()).isEqualTo(Decision.APPLY);
    }

    @Test
    void aThresholdOfZeroTurnsTheGuardOff() {
        DeletionGuard off = new DeletionGuard(0, Duration.ofMinutes(1), now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(off.admit()).isEqualTo(Decision.APPLY);
        }
        assertThat(off.enabled()).isFalse();
        assertThat(DeletionGuard.off().enabled()).isFalse();
    }

    @Test
    void refusesANegativeThresholdOrAnEmptyWindow() {
        assertThatThrownBy(() -> new DeletionGuard(-1, Duration.ofMinutes(1), now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeletionGuard(5, Duration.ZERO, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}

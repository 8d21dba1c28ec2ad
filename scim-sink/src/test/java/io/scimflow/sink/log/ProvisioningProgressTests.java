package io.scimflow.sink.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import org.junit.jupiter.api.Test;

class ProvisioningProgressTests {

    private static final long SECOND = 1_000_000_000L;

    private final ProvisioningProgress progress = new ProvisioningProgress(Duration.ofSeconds(10), 0);

    @Test
    void saysNothingWhenNothingWasDone() {
        assertThat(progress.report(60 * SECOND, 0)).isNull();
        assertThat(progress.report(120 * SECOND, 500)).isNull();
    }

    @Test
    void waitsForTheIntervalWhileOperationsAreWaitingThenSummarisesWhatWasDone() {
        for (int i = 0; i < 23_400; i++) {
            progress.record(LogAction.CREATE, LogStatus.SUCCESS);
        }
        for (int i = 0; i < 56; i++) {
            progress.record(LogAction.UPDATE, LogStatus.SUCCESS);
        }
        progress.record(LogAction.DELETE, LogStatus.FAILURE);

        assertThat(progress.report(9 * SECOND, 76_544)).as("before the interval, with work waiting").isNull();
        assertThat(progress.report(10 * SECOND, 76_544)).isEqualTo("Provisioned 23,457 operations in 10.0 s (2,346/s): "
                + "23,400 created, 56 updated, 1 failed (parked on the dead-letter topic); 76,544 waiting; 23,457 since start");
    }

    @Test
    void reportsAtOnceWhenNothingIsWaitingAnyMore() {
        progress.record(LogAction.CREATE, LogStatus.SUCCESS);
        progress.record(LogAction.OTHER, LogStatus.DROPPED);

        assertThat(progress.report(2 * SECOND, 0)).isEqualTo("Provisioned 2 operations in 2.0 s (1.0/s): "
                + "1 created, 1 dropped (the target cannot do them); 0 waiting; 2 since start");
    }

    @Test
    void eachLineCountsOnlyWhatWasDoneSinceThePreviousOneAndTheTotalSinceTheStart() {
        progress.record(LogAction.CREATE, LogStatus.SUCCESS);
        assertThat(progress.report(1 * SECOND, 0)).startsWith("Provisioned 1 operation in 1.0 s");

        progress.record(LogAction.UPDATE, LogStatus.SKIPPED);
        progress.record(LogAction.DISABLE, LogStatus.SUCCESS);
        assertThat(progress.report(3 * SECOND, 0)).isEqualTo("Provisioned 2 operations in 2.0 s (1.0/s): "
                + "1 disabled, 1 skipped (nothing to change); 0 waiting; 3 since start");
        assertThat(progress.report(30 * SECOND, 0)).as("nothing new").isNull();
    }

    @Test
    void leavesTheWaitingCountOutWhileItIsUnknown() {
        progress.record(LogAction.DELETE, LogStatus.SUCCESS);

        assertThat(progress.report(10 * SECOND, -1)).isEqualTo("Provisioned 1 operation in 10.0 s (0.1/s): 1 deleted; 1 since start");
    }

    @Test
    void countsFromManyThreads() throws InterruptedException {
        Thread[] workers = new Thread[8];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    progress.record(LogAction.CREATE, LogStatus.SUCCESS);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(progress.report(10 * SECOND, 0)).contains("80,000 created").endsWith("80,000 since start");
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new ProvisioningProgress(Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

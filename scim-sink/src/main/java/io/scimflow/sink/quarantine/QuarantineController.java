package io.scimflow.sink.quarantine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarantine on rejected credentials (401/403): closes the gate (consumption pauses, records
 * stay uncommitted), tells the listener once per incident, probes the credentials periodically
 * (the probe re-reads the token) and opens the gate again when they work. Thread-safe.
 */
public final class QuarantineController implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuarantineController.class);

    /** Told when a quarantine starts and ends. */
    public interface Listener {
        void quarantined(String reason);

        void recovered(String reason);
    }

    private final ConsumptionGate gate;
    private final CredentialsProbe probe;
    private final Duration interval;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> probing;

    public QuarantineController(ConsumptionGate gate, CredentialsProbe probe, Duration interval, Listener listener) {
        this.gate = gate;
        this.probe = probe;
        this.interval = interval;
        this.listener = listener;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scim-sink-quarantine-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Enters quarantine (idempotent while one is running). */
    public synchronized void enter(String reason) {
        if (!gate.quarantine(reason)) {
            return;
        }
        log.error("Quarantined: credentials rejected ({}); consumer paused, no record is lost; probing the target every {} s",
                reason, interval.toSeconds());
        try {
            listener.quarantined(reason);
        } catch (RuntimeException e) {
            log.warn("Could not send the quarantine notification: {}", e.toString());
        }
        probing = scheduler.scheduleWithFixedDelay(this::probeOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isQuarantined() {
        return gate.isQuarantined();
    }

    /** Probes now (also called by the schedule); lifts the quarantine when the credentials work. */
    public synchronized void probeOnce() {
        if (!gate.isQuarantined()) {
            return;
        }
        String problem;
        try {
            problem = probe.problem();
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            log.warn("Still quarantined: {}; next probe in {} s", problem, interval.toSeconds());
            return;
        }
        String reason = gate.quarantineReason();
        gate.lift();
        if (probing != null) {
            probing.cancel(false);
            probing = null;
        }
        log.info("Quarantine lifted: the target accepts the credentials again; consumption resumes");
        try {
            listener.recovered(reason);
        } catch (RuntimeException e) {
            log.warn("Could not send the recovery notification: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

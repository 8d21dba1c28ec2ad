package io.scimflow.sink;

import java.time.Duration;

import io.scimflow.sink.consume.OperationConsumer;
import io.scimflow.sink.links.KafkaLinkStore;
import io.scimflow.sink.quarantine.ConsumptionGate;
import io.scimflow.sink.quarantine.DeletionGuard;
import io.scimflow.sink.quarantine.QuarantineController;
import io.scimflow.sink.reconcile.PendingReferences;
import io.scimflow.sink.scim.ConnectionTester;
import io.scimflow.sink.scim.ScimHttpClient;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The running sink: what operators and the launcher act on (pause, resume, status, test
 * connection, allow or discard held deletions). Started and stopped by Spring's lifecycle. Thread-safe.
 */
public final class ScimSink implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScimSink.class);

    private final OperationConsumer consumer;
    private final KafkaLinkStore links;
    private final ConsumptionGate gate;
    private final QuarantineController quarantine;
    private final DeletionGuard deletions;
    private final ScimHttpClient http;
    private final PendingReferences references;
    private final String runId;
    private final AutoCloseable[] resources;
    private volatile boolean running;

    /**
     * A snapshot for {@code GET /admin/status}.
     *
     * @param deletionsHeld the accidental-deletion threshold holds provisioning until an operator
     *        allows or discards the deletions ({@code heldReason} says why)
     * @param deletionsDecision the operator's decision in force until the sink is drained
     *        ({@code APPLY} or {@code DISCARD}), or null
     * @param pendingReferences references (managers) left out until their objects are
     *        provisioned, waiting for the second pass
     * @param droppedReferences of those, how many were dropped because too many waited (their
     *        users' next upserts set them)
     */
    public record Status(String runId, boolean paused, boolean quarantined, String quarantineReason, boolean deletionsHeld,
            String heldReason, String deletionsDecision, int inFlight, long lag, int assignedPartitions, int links,
            int pendingReferences, long droppedReferences, boolean drained) {
    }

    public ScimSink(OperationConsumer consumer, KafkaLinkStore links, ConsumptionGate gate, QuarantineController quarantine,
            DeletionGuard deletions, PendingReferences references, ScimHttpClient http, String runId, boolean startPaused,
            Producer<?, ?>... producers) {
        this.deletions = deletions;
        this.references = references;
        this.consumer = consumer;
        this.links = links;
        this.gate = gate;
        this.quarantine = quarantine;
        this.http = http;
        this.runId = runId;
        this.resources = producers;
        if (startPaused) {
            gate.pause();
        }
    }

    @Override
    public void start() {
        links.start();
        consumer.start();
        running = true;
        log.info("scim-sink started (run {}) against {}{}", runId, http.baseUrl(), gate.isPaused() ? "; paused until resumed" : "");
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.close();
        quarantine.close();
        links.close();
        http.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        log.info("scim-sink stopped (run {})", runId);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops applying operations (Entra's provisioning "off"); records wait in Kafka, offsets stay. */
    public void pause() {
        gate.pause();
        log.info("Provisioning paused by an operator; consumption paused");
    }

    /** Resumes after {@link #pause()}. */
    public void resume() {
        gate.resume();
        log.info("Provisioning resumed by an operator");
    }

    /** Applies the deletions the accidental-deletion threshold holds, and every one after them until the sink is drained. */
    public void allowDeletes() {
        deletions.allowUntilDrained();
        gate.release();
        log.warn("Deletions allowed by an operator: every disable and delete is applied until the sink is drained");
    }

    /** Skips the held deletions, and every disable and delete after them until the sink is drained. */
    public void discardDeletes() {
        deletions.discardUntilDrained();
        gate.release();
        log.warn("Deletions discarded by an operator: every disable and delete is skipped (logged SKIPPED) until the sink is drained");
    }

    /** Probes the credentials now (re-reading the token) instead of waiting for the next probe. */
    public void probeCredentials() {
        quarantine.probeOnce();
    }

    public Status status() {
        OperationConsumer.Status s = consumer.status();
        DeletionGuard.Decision decided = deletions.decided();
        return new Status(runId, gate.isPaused(), gate.isQuarantined(), gate.quarantineReason(), gate.isHeld(), gate.heldReason(),
                decided == null ? null : decided.name(), s.inFlight(), s.lag(), s.assigned().size(), links.size(),
                references.size(), references.dropped(), s.drained());
    }

    /** True when this instance has applied and committed everything in its partitions. */
    public boolean drained() {
        return consumer.status().drained();
    }

    /** Entra's test connection against the configured target and the current token. */
    public ConnectionTester.Result testConnection() {
        http.token().reload();
        return new ConnectionTester(Duration.ofSeconds(10)).test(http.baseUrl().toString(), http.token().current());
    }

    public String runId() {
        return runId;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}

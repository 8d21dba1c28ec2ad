package io.scimflow.sink.consume;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.sink.errors.DeadLetterPublisher;
import io.scimflow.sink.errors.ErrorClassifier;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.notify.FailureRateMonitor;
import io.scimflow.sink.quarantine.ConsumptionGate;
import io.scimflow.sink.quarantine.DeletionGuard;
import io.scimflow.sink.quarantine.QuarantineController;
import io.scimflow.sink.reconcile.OperationPosition;
import io.scimflow.sink.reconcile.Outcome;
import io.scimflow.sink.reconcile.PendingReferences;
import io.scimflow.sink.reconcile.Reconciler;
import io.scimflow.sink.reconcile.TargetDirectory;
import io.scimflow.sink.scim.RequestTally;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one operation record from start to end: decode, wait at the gate, reconcile, then
 * write the provisioning log entry, or park the record on the dead-letter topic with a FAILURE
 * entry, or quarantine and try again once the credentials work. Returns only when the record
 * is done or parked. Thread-safe.
 */
public final class OperationProcessor {

    private static final Logger log = LoggerFactory.getLogger(OperationProcessor.class);

    private final Deserializer<Object> values;
    private final Reconciler reconciler;
    private final Function<RequestTally, TargetDirectory> targets;
    private final ConsumptionGate gate;
    private final QuarantineController quarantine;
    private final ProvisioningLogWriter logWriter;
    private final DeadLetterPublisher deadLetters;
    private final FailureRateMonitor failures;
    private final DeletionGuard deletions;
    private final Runnable onDeletionsHeld;
    private volatile boolean stopping;

    /**
     * @param deletions counts the disabling and deleting operations and holds them past its threshold
     * @param onDeletionsHeld called once when the guard starts holding (the notification)
     */
    public OperationProcessor(Deserializer<Object> values, Reconciler reconciler, Function<RequestTally, TargetDirectory> targets,
            ConsumptionGate gate, QuarantineController quarantine, ProvisioningLogWriter logWriter,
            DeadLetterPublisher deadLetters, FailureRateMonitor failures, DeletionGuard deletions, Runnable onDeletionsHeld) {
        this.deletions = deletions;
        this.onDeletionsHeld = onDeletionsHeld;
        this.values = values;
        this.reconciler = reconciler;
        this.targets = targets;
        this.gate = gate;
        this.quarantine = quarantine;
        this.logWriter = logWriter;
        this.deadLetters = deadLetters;
        this.failures = failures;
    }

    void stop() {
        stopping = true;
    }

    /** @return true when the record is done or parked (its offset may be committed) */
    boolean process(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        long started = System.nanoTime();
        ProvisioningOperation op;
        try {
            Object decoded = values.deserialize(record.topic(), record.headers(), record.value());
            if (!(decoded instanceof ProvisioningOperation operation)) {
                throw new IllegalArgumentException("not a ProvisioningOperation: "
                        + (decoded == null ? "null value" : decoded.getClass().getName()));
            }
            op = operation;
        } catch (RuntimeException e) {
            String reason = "undecodable record at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage();
            return park(record, null, null, "UNDECODABLE", null, reason, e, 0, started);
        }
        boolean deprovisions = deprovisions(op);
        DeletionGuard.Decision decision = null; // asked once an operation goes ahead: a retry after a quarantine is not counted again
        while (!stopping) {
            gate.awaitOpen();
            if (decision == null || decision == DeletionGuard.Decision.HOLD) {
                decision = deprovisions ? deletions.admit() : DeletionGuard.Decision.APPLY;
            }
            if (decision == DeletionGuard.Decision.HOLD) {
                if (gate.hold(deletions.reason())) {
                    log.error("Provisioning held: {}", deletions.reason());
                    onDeletionsHeld.run();
                }
                continue;
            }
            RequestTally tally = new RequestTally();
            Outcome.Builder out = new Outcome.Builder();
            try {
                Outcome outcome = decision == DeletionGuard.Decision.DISCARD ? discarded(op, out)
                        : reconciler.apply(op, position(record), targets.apply(tally), out);
                durably(() -> logWriter.outcome(record.key(), op, outcome, tally.count(), millisSince(started)));
                failures.record(false);
                return true;
            } catch (RuntimeException e) {
                ErrorClassifier.Kind kind = ErrorClassifier.classify(e);
                if (kind == ErrorClassifier.Kind.QUARANTINE) {
                    quarantine.enter(e.getMessage());
                    continue;
                }
                if (Thread.currentThread().isInterrupted() || stopping) {
                    return false;
                }
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return park(record, op, out, ErrorClassifier.code(e), ErrorClassifier.httpStatus(e), reason, e, tally.count(), started);
            }
        }
        return false;
    }

    /**
     * Runs the second pass for a reference an upsert left out (see {@link PendingReferences}),
     * in the order of the user's operations, and writes its provisioning-log entry: UPDATE
     * SUCCESS, or FAILURE when the request finally failed (nothing is parked: the user's next
     * upsert sets the reference). Nothing is written when there was nothing to do.
     */
    public void completeReference(PendingReferences.Pending pending) {
        if (stopping) {
            return;
        }
        long started = System.nanoTime();
        RequestTally tally = new RequestTally();
        Outcome.Builder out = new Outcome.Builder();
        Outcome result;
        try {
            gate.awaitOpen();
            result = reconciler.completeReference(pending, targets.apply(tally), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                return;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            result = out.action(LogAction.UPDATE).done(LogStatus.FAILURE, "Failed: " + reason
                    + "; the reference is set by the user's next upsert");
        }
        if (result == null) {
            return;
        }
        Outcome outcome = result;
        try {
            durably(() -> logWriter.outcome(pending.userKey(), pending.asOperation(), outcome, tally.count(), millisSince(started)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Operations that disable or delete an object on the target: what Entra's deletion threshold counts. */
    static boolean deprovisions(ProvisioningOperation op) {
        return switch (op.getAction()) {
            case DISABLE_USER, DELETE_USER, DELETE_GROUP -> true;
            default -> false;
        };
    }

    private static Outcome discarded(ProvisioningOperation op, Outcome.Builder out) {
        out.action(op.getAction() == OperationAction.DISABLE_USER ? LogAction.DISABLE : LogAction.DELETE);
        return out.done(LogStatus.SKIPPED, "Skipped: held by the accidental-deletion threshold and discarded by an operator "
                + "(POST /admin/discard-deletes); nothing sent");
    }

    private boolean park(ConsumerRecord<String, byte[]> record, ProvisioningOperation op, Outcome.Builder out, String code,
            Integer status, String reason, Throwable failure, int requests, long started) throws InterruptedException {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        durably(() -> deadLetters.park(record, key, code + ": " + reason, failure));
        durably(() -> logWriter.failure(record.key(), op, out, code, status, reason, requests, millisSince(started)));
        failures.record(true);
        return true;
    }

    /** Kafka writes are retried until they succeed (the record must not be marked done without them). */
    private void durably(Runnable write) throws InterruptedException {
        long wait = 500;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                log.error("Kafka write failed ({}); will retry in {} ms", e.getMessage(), wait);
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 30_000);
            }
        }
    }

    private static OperationPosition position(ConsumerRecord<String, byte[]> record) {
        return new OperationPosition(record.offset(), record.headers().lastHeader(DeadLetterHeaders.REDRIVE_COUNT) != null);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

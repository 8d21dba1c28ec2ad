package io.scimflow.sink.warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.schemas.serde.AvroRoundTrip;
import io.scimflow.sink.log.ProvisioningLogLines;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.reconcile.GroupDirectory;
import io.scimflow.sink.reconcile.InMemoryLinkRegistry;
import io.scimflow.sink.reconcile.OperationPosition;
import io.scimflow.sink.reconcile.Outcome;
import io.scimflow.sink.reconcile.ReconcileContext;
import io.scimflow.sink.reconcile.Reconciler;
import io.scimflow.sink.reconcile.UserSnapshot;
import io.scimflow.sink.target.TargetCapabilities;

/**
 * A rehearsal of the sink's per-operation code on made-up operations, before it consumes real
 * ones: Avro decoding, the reconciliation rules (create, then update, of each made-up user)
 * against an in-memory target ({@link RehearsalTarget}: bodies written to JSON and read back
 * with the HTTP client's mapper) and in-memory links ({@link InMemoryLinkRegistry}), and the provisioning log entry (built,
 * encoded through {@code encodeEntry} and formatted as its log line, then dropped). A fresh JVM
 * runs that code in the interpreter until its JIT has compiled it; this lets the first real
 * operations run compiled code. Nothing reaches the target, Kafka, the log or the metrics. Not
 * covered: the HTTP client's own code and the Kafka producer's.
 */
public final class SinkWarmUp {

    /**
     * What a rehearsal did.
     *
     * @param operations operations rehearsed
     * @param encoded log entries encoded (fewer when {@code encodeEntry} failed and was given up)
     * @param millis time taken
     */
    public record Result(int operations, int encoded, long millis) {
    }

    private SinkWarmUp() {
    }

    public static Result run(TargetCapabilities capabilities, ObjectMapper json, ProvisioningLogWriter logWriter,
            Consumer<ProvisioningLogEntry> encodeEntry, int operations, Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        Clock clock = Clock.systemUTC();
        Reconciler reconciler = new Reconciler(new ReconcileContext(capabilities, new InMemoryLinkRegistry(),
                new UserSnapshot(clock, Duration.ofMinutes(1)), new GroupDirectory(clock, Duration.ofMinutes(1), Duration.ofMinutes(1))));
        RehearsalTarget target = new RehearsalTarget(json);
        AvroRoundTrip<ProvisioningOperation> codec = new AvroRoundTrip<>(ProvisioningOperation.getClassSchema());
        int done = 0;
        int encoded = 0;
        boolean encoding = true;
        while (done < operations && System.nanoTime() < deadline) {
            ProvisioningOperation op = codec.roundTrip(SyntheticOperations.user(done));
            String key = OperationKeys.of(op.getObjectType(), op.getSourceId());
            Outcome outcome = reconciler.apply(op, OperationPosition.UNKNOWN, target, new Outcome.Builder());
            ProvisioningLogEntry entry = logWriter.outcomeEntry(key, op, outcome, 1, 1);
            if (encoding) {
                try {
                    encodeEntry.accept(entry);
                    encoded++;
                } catch (RuntimeException e) {
                    encoding = false;
                }
            }
            ProvisioningLogLines.format(entry);
            done++;
        }
        return new Result(done, encoded, (System.nanoTime() - started) / 1_000_000);
    }
}

package io.scimflow.sink.log;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.LogStep;
import io.scimflow.events.log.ModifiedProperty;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.schemas.ids.RandomIds;
import io.scimflow.sink.reconcile.Outcome;
import io.scimflow.sink.target.ScimPathNames;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@link ProvisioningLogEntry} per operation to {@code provisioning.log} (sent
 * asynchronously; {@link #flush}, called before every offset commit, makes it durable), logs it
 * as one readable line (FAILURE at WARN, DROPPED at INFO, SUCCESS and SKIPPED at DEBUG: those
 * show in the {@link ProvisioningProgress} summary) and counts it in the metrics. Secret values
 * (password, the configured secret attributes and the attributes the operation marks
 * sensitive) are redacted. Thread-safe.
 */
public final class ProvisioningLogWriter {

    public static final String REDACTED = "[REDACTED]";
    private static final Logger log = LoggerFactory.getLogger("io.scimflow.sink.provisioning-log");

    private final Producer<String, Object> producer;
    private final String topic;
    private final String runId;
    private final Set<String> secrets;
    private final MeterRegistry meters;
    /** {@code scimflow.sink.operations} by action and status, registered on first use (as {@link ScimMetrics} keeps its timers). */
    private final Map<LogAction, Map<LogStatus, Counter>> operations = new EnumMap<>(LogAction.class);
    private final Queue<ProducerRecord<String, Object>> failed = new ConcurrentLinkedQueue<>();
    private final ProvisioningProgress progress;
    private volatile Throwable writeFailure;

    public ProvisioningLogWriter(Producer<String, Object> producer, String topic, String runId, Set<String> secretAttributes,
            MeterRegistry meters) {
        this(producer, topic, runId, secretAttributes, meters, new ProvisioningProgress(ProvisioningProgress.DEFAULT_INTERVAL, System.nanoTime()));
    }

    public ProvisioningLogWriter(Producer<String, Object> producer, String topic, String runId, Set<String> secretAttributes,
            MeterRegistry meters, ProvisioningProgress progress) {
        this.progress = progress;
        this.producer = producer;
        this.topic = topic;
        this.runId = runId;
        this.secrets = secretAttributes;
        this.meters = meters;
        for (LogAction action : LogAction.values()) {
            operations.put(action, new ConcurrentHashMap<>());
        }
    }

    public String runId() {
        return runId;
    }

    /** The entry for an operation the rules handled (SUCCESS, SKIPPED, DROPPED). */
    public ProvisioningLogEntry outcome(String key, ProvisioningOperation op, Outcome outcome, int requests, long durationMs) {
        return publish(key, outcomeEntry(key, op, outcome, requests, durationMs));
    }

    /** The entry {@link #outcome} writes, built but not written, logged or counted. */
    public ProvisioningLogEntry outcomeEntry(String key, ProvisioningOperation op, Outcome outcome, int requests, long durationMs) {
        return base(key, op)
                .setTargetId(outcome.targetId()).setTargetIdentity(outcome.targetIdentity())
                .setAction(outcome.action()).setStatus(outcome.status()).setStatusReason(outcome.reason())
                .setSteps(steps(outcome.steps())).setModifiedProperties(modified(outcome.modified(), sensitivePaths(op)))
                .setRequests(requests).setDurationMs(durationMs).build();
    }

    /** The entry for an operation that failed (it is parked on the dead-letter topic). */
    public ProvisioningLogEntry failure(String key, ProvisioningOperation op, Outcome.Builder partial, String errorCode,
            Integer httpStatus, String errorReason, int requests, long durationMs) {
        List<Outcome.Step> steps = new ArrayList<>(partial == null ? List.of() : partial.steps());
        steps.add(new Outcome.Step(io.scimflow.events.log.StepName.ACTION, LogStatus.FAILURE, errorReason));
        ProvisioningLogEntry entry = base(key, op)
                .setTargetId(partial == null ? null : partial.targetId())
                .setTargetIdentity(partial == null ? null : partial.targetIdentity())
                .setAction(partial == null ? LogAction.OTHER : partial.action()).setStatus(LogStatus.FAILURE)
                .setStatusReason("Failed: " + errorReason + "; parked on the dead-letter topic (redrive it after the cause is fixed)")
                .setSteps(steps(steps)).setErrorCode(errorCode).setHttpStatus(httpStatus).setErrorReason(errorReason)
                .setRequests(requests).setDurationMs(durationMs).build();
        return publish(key, entry);
    }

    private ProvisioningLogEntry.Builder base(String key, ProvisioningOperation op) {
        ProvisioningLogEntry.Builder builder = ProvisioningLogEntry.newBuilder().setId(RandomIds.next())
                .setRunId(runId).setTimestamp(Instant.now());
        if (op != null) {
            return builder.setChangeId(op.getChangeId()).setOperationId(op.getOperationId()).setObjectType(op.getObjectType())
                    .setSourceId(op.getSourceId()).setSourceIdentity(op.getSourceDisplayName());
        }
        ObjectType type;
        String sourceId;
        try {
            type = key == null ? ObjectType.UNKNOWN : io.scimflow.schemas.keys.OperationKeys.typeOf(key);
            sourceId = io.scimflow.schemas.keys.OperationKeys.sourceIdOf(key);
        } catch (RuntimeException e) {
            type = ObjectType.UNKNOWN;
            sourceId = key == null ? "" : key;
        }
        return builder.setChangeId("").setOperationId("").setObjectType(type).setSourceId(sourceId);
    }

    /**
     * Sends the entry without waiting for the acknowledgement ({@link #flush} runs before every
     * offset commit); throws only when it cannot even be handed to the producer.
     */
    private ProvisioningLogEntry publish(String key, ProvisioningLogEntry entry) {
        send(new ProducerRecord<>(topic, key, entry));
        operationCounter(entry.getAction(), entry.getStatus()).increment();
        progress.record(entry.getAction(), entry.getStatus());
        if (entry.getStatus() == LogStatus.FAILURE) {
            if (log.isWarnEnabled()) {
                log.warn(ProvisioningLogLines.format(entry));
            }
        } else if (entry.getStatus() == LogStatus.DROPPED) {
            if (log.isInfoEnabled()) {
                log.info(ProvisioningLogLines.format(entry));
            }
        } else if (log.isDebugEnabled()) {
            log.debug(ProvisioningLogLines.format(entry));
        }
        return entry;
    }

    /** The counts behind the periodic summary line ({@link ProvisioningProgress#report}). */
    public ProvisioningProgress progress() {
        return progress;
    }

    private Counter operationCounter(LogAction action, LogStatus status) {
        return operations.get(action).computeIfAbsent(status,
                code -> meters.counter("scimflow.sink.operations", "action", action.name(), "status", code.name()));
    }

    private void send(ProducerRecord<String, Object> record) {
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                writeFailure = error;
                failed.add(record);
                log.error("Cannot write a provisioning log entry of {} to {} (written again before the next commit): {}",
                        record.key(), topic, error.toString());
            }
        });
    }

    /**
     * Waits until every entry sent so far is acknowledged, sends again those that failed and
     * waits for them; throws when one is still not written (it is sent again on the next call).
     */
    public void flush() {
        producer.flush();
        if (failed.isEmpty()) {
            return;
        }
        ProducerRecord<String, Object> record;
        List<ProducerRecord<String, Object>> again = new ArrayList<>();
        while ((record = failed.poll()) != null) {
            again.add(record);
        }
        for (ProducerRecord<String, Object> one : again) {
            try {
                send(one);
            } catch (RuntimeException e) {
                writeFailure = e;
                failed.add(one);
            }
        }
        producer.flush();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("cannot write " + failed.size() + " provisioning log entries to " + topic
                    + " (written again before the next commit): " + writeFailure, writeFailure);
        }
    }

    private static List<LogStep> steps(List<Outcome.Step> steps) {
        List<LogStep> result = new ArrayList<>();
        for (Outcome.Step step : steps) {
            result.add(LogStep.newBuilder().setName(step.name()).setStatus(step.status())
                    .setDescription(step.description() == null ? "" : step.description()).build());
        }
        return result;
    }

    private List<ModifiedProperty> modified(List<Outcome.Modified> modified, Set<String> sensitive) {
        List<ModifiedProperty> result = new ArrayList<>();
        for (Outcome.Modified m : modified) {
            boolean secret = isSecret(m.name()) || (!sensitive.isEmpty() && sensitive.contains(m.name().toLowerCase(Locale.ROOT)));
            result.add(ModifiedProperty.newBuilder().setName(m.name())
                    .setOldValue(secret && m.oldValue() != null ? REDACTED : m.oldValue())
                    .setNewValue(secret && m.newValue() != null ? REDACTED : m.newValue()).build());
        }
        return result;
    }

    /**
     * The paths (lower case) of the operation's attributes the worker marked sensitive: mapped
     * through {@code Redact(...)}, a password, or marked so in the app configuration.
     */
    private static Set<String> sensitivePaths(ProvisioningOperation op) {
        if (op == null) {
            return Set.of();
        }
        Set<String> paths = null;
        for (MappedAttribute attribute : op.getAttributes()) {
            if (attribute.getSensitive()) {
                if (paths == null) {
                    paths = new HashSet<>();
                }
                paths.add(attribute.getPath().toLowerCase(Locale.ROOT));
            }
        }
        return paths == null ? Set.of() : paths;
    }

    boolean isSecret(String path) {
        String attribute = ScimPathNames.topLevelAttribute(path).toLowerCase(Locale.ROOT);
        return attribute.equals("password") || secrets.contains(attribute) || secrets.contains(path.toLowerCase(Locale.ROOT));
    }
}

package io.scimflow.sink.reconcile;

import java.util.ArrayList;
import java.util.List;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;

/**
 * What the rules did for one operation, for the provisioning log. Immutable.
 *
 * @param action CREATE, UPDATE, DISABLE, DELETE or OTHER
 * @param status SUCCESS, SKIPPED or DROPPED (failures are exceptions, logged by the caller)
 * @param reason why, in words an operator can act on
 * @param targetId the target object's id when known
 * @param targetIdentity its userName or displayName
 * @param steps import, scoping, matching and action steps
 * @param modified attributes changed, old to new (not yet redacted)
 */
public record Outcome(LogAction action, LogStatus status, String reason, String targetId, String targetIdentity,
        List<Step> steps, List<Modified> modified) {

    public Outcome {
        steps = List.copyOf(steps);
        modified = List.copyOf(modified);
    }

    /** One step of the provisioning log entry. */
    public record Step(StepName name, LogStatus status, String description) {
    }

    /** One modified property, values as text. */
    public record Modified(String name, String oldValue, String newValue) {
    }

    /** Collects an outcome while the rules run; single-threaded. */
    public static final class Builder {

        private LogAction action = LogAction.OTHER;
        private String targetId;
        private String targetIdentity;
        private final List<Step> steps = new ArrayList<>();
        private final List<Modified> modified = new ArrayList<>();

        public Builder action(LogAction value) {
            this.action = value;
            return this;
        }

        public Builder target(String id, String identity) {
            this.targetId = id;
            if (identity != null) {
                this.targetIdentity = identity;
            }
            return this;
        }

        public Builder step(StepName name, LogStatus status, String description) {
            steps.add(new Step(name, status, description));
            return this;
        }

        public Builder modified(String name, String oldValue, String newValue) {
            modified.add(new Modified(name, oldValue, newValue));
            return this;
        }

        public boolean hasModifications() {
            return !modified.isEmpty();
        }

        public String targetId() {
            return targetId;
        }

        public Outcome done(LogStatus status, String reason) {
            step(StepName.ACTION, status, reason);
            return new Outcome(action, status, reason, targetId, targetIdentity, steps, modified);
        }

        /** Steps collected so far, e.g. for a failure entry. */
        public List<Step> steps() {
            return List.copyOf(steps);
        }

        public LogAction action() {
            return action;
        }

        public String targetIdentity() {
            return targetIdentity;
        }
    }
}

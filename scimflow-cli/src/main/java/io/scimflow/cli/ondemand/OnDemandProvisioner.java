package io.scimflow.cli.ondemand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.decision.UserDecision;
import io.scimflow.rules.scope.ScopeReason;
import io.scimflow.schemas.keys.OperationKeys;
import io.scimflow.sink.errors.ErrorClassifier;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.reconcile.Outcome;
import io.scimflow.sink.reconcile.Reconciler;
import io.scimflow.sink.reconcile.TargetDirectory;
import io.scimflow.sink.scim.RequestTally;
import io.scimflow.worker.translate.DirectoryRecords;
import io.scimflow.worker.translate.DirectoryTranslator;
import io.scimflow.worker.translate.UntranslatableRecordException;

/**
 * Entra's "Provision on demand" for one user: import (the user's state on the compacted users
 * topic), scoping (the worker's rules: decision and reasons), then matching and action (the
 * sink's reconciler against the target, every SCIM request shown), each printed as a numbered
 * step. The same classes as the running apps make every decision; nothing goes through Kafka
 * except the import, the links and the provisioning log entry.
 */
final class OnDemandProvisioner {

    /** How the run ended: the status the provisioning log would show. */
    enum Result {
        SUCCESS, SKIPPED, NOT_FOUND, FAILURE
    }

    private final ProvisioningRules rules;
    private final DirectoryTranslator translator;
    private final Reconciler reconciler;
    private final Function<RequestTally, TargetDirectory> targets;
    private final ProvisioningLogWriter log;
    private final PrintWriter out;

    OnDemandProvisioner(ProvisioningRules rules, DirectoryTranslator translator, Reconciler reconciler,
            Function<RequestTally, TargetDirectory> targets, ProvisioningLogWriter log, PrintWriter out) {
        this.rules = rules;
        this.translator = translator;
        this.reconciler = reconciler;
        this.targets = targets;
        this.log = log;
        this.out = out;
    }

    Result provision(String userId, String usersTopic, Optional<DirectoryUserReader.Found> found) {
        out.println("Step 1  Import user " + userId + " from " + usersTopic);
        if (found.isEmpty()) {
            out.println("        FAILED: no record with key " + userId + " on " + usersTopic
                    + " (is the id right? is the user in the directory the producer reads?)");
            return Result.NOT_FOUND;
        }
        DirectoryUserReader.Found record = found.get();
        if (record.user() == null) {
            out.printf("        the last record (partition %d, offset %d) is a tombstone: the user was hard-deleted "
                    + "and the directory has forgotten it; nothing to provision.%n", record.partition(), record.offset());
            return Result.SKIPPED;
        }
        DirectoryUser user = record.user();
        describeImport(user, record);

        out.println("Step 2  Determine if user is in scope");
        UserDecision decision;
        try {
            decision = rules.decideUser(DirectoryRecords.user(user));
        } catch (RuntimeException e) {
            out.println("        FAILED: the mappings cannot be evaluated for this user: " + e.getMessage());
            return Result.FAILURE;
        }
        for (ScopeReason reason : decision.scope().reasons()) {
            out.printf("        %s %-18s %s%n", reason.passed() ? "[x]" : "[ ]", reason.check(), reason.detail());
        }
        out.printf("        decision: %s (%s)%n", decision.scope().inScope() ? "in scope" : "out of scope", decision.reason());

        List<ProvisioningOperation> operations;
        try {
            operations = translator.translate(user);
        } catch (UntranslatableRecordException e) {
            out.println("        FAILED: " + e.getMessage());
            return Result.FAILURE;
        }
        if (operations.isEmpty()) {
            out.println("Step 3  Match user between source and target system: not needed");
            out.println("Step 4  Perform action: none (" + decision.reason() + ")");
            out.println("Result: SKIPPED, " + decision.reason());
            return Result.SKIPPED;
        }
        Result result = Result.SUCCESS;
        for (ProvisioningOperation op : operations) {
            result = apply(op);
        }
        return result;
    }

    private void describeImport(DirectoryUser user, DirectoryUserReader.Found record) {
        out.printf("        found at partition %d, offset %d (changed %s)%n", record.partition(), record.offset(), user.getChangedAt());
        out.printf("        userPrincipalName=%s displayName=%s mail=%s accountEnabled=%s lifecycle=%s%n",
                user.getUserPrincipalName(), user.getDisplayName(), user.getMail(), user.getAccountEnabled(), user.getLifecycle());
        String assignments = user.getAppRoleAssignments().stream().map(OnDemandProvisioner::assignment).collect(Collectors.joining(", "));
        out.println("        app role assignments: " + (assignments.isEmpty() ? "none" : assignments));
        out.println("        direct groups: " + (user.getGroupIds().isEmpty() ? "none"
                : user.getGroupIds().stream().map(id -> user.getGroupDisplayNames().getOrDefault(id, id)).collect(Collectors.joining(", "))));
    }

    private static String assignment(AppRoleAssignment a) {
        String role = a.getAppRoleValue() != null ? a.getAppRoleValue()
                : a.getAppRoleDisplayName() != null ? a.getAppRoleDisplayName() : a.getAppRoleId();
        return role + (a.getViaGroupDisplayName() != null ? " (via group " + a.getViaGroupDisplayName() + ")" : " (direct)");
    }

    private Result apply(ProvisioningOperation op) {
        String key = OperationKeys.of(op.getObjectType(), op.getSourceId());
        RequestTally tally = new RequestTally();
        RecordingTarget target = new RecordingTarget(targets.apply(tally));
        Outcome.Builder steps = new Outcome.Builder();
        long started = System.nanoTime();
        try {
            Outcome outcome = reconciler.apply(op, target, steps);
            printSteps(op, key, outcome.steps());
            printRequests(target);
            outcome.modified().forEach(m -> out.printf("        modified %s: %s -> %s%n", m.name(), m.oldValue(), m.newValue()));
            log.outcome(key, op, outcome, tally.count(), millisSince(started));
            out.printf("Result: %s %s, %s%s%n", outcome.action(), outcome.status(), outcome.reason(),
                    outcome.targetId() == null ? "" : " (target id " + outcome.targetId() + ")");
            return outcome.status() == LogStatus.SUCCESS ? Result.SUCCESS : outcome.status() == LogStatus.FAILURE ? Result.FAILURE : Result.SKIPPED;
        } catch (RuntimeException e) {
            printSteps(op, key, steps.steps());
            printRequests(target);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.failure(key, op, steps, ErrorClassifier.code(e), ErrorClassifier.httpStatus(e), reason, tally.count(), millisSince(started));
            out.printf("Result: FAILURE %s: %s%n", ErrorClassifier.code(e), reason);
            return Result.FAILURE;
        }
    }

    private void printSteps(ProvisioningOperation op, String key, List<Outcome.Step> steps) {
        out.println("Step 3  Match user between source and target system");
        steps.stream().filter(step -> step.name() == StepName.MATCHING).forEach(this::printStep);
        out.println("Step 4  Perform action: " + op.getAction() + " " + key);
        steps.stream().filter(step -> step.name() != StepName.MATCHING).forEach(this::printStep);
    }

    private void printStep(Outcome.Step step) {
        out.printf("        %-8s %-8s %s%n", step.name(), step.status(), step.description());
    }

    private void printRequests(RecordingTarget target) {
        out.println("        SCIM requests sent:" + (target.requests().isEmpty() ? " none" : ""));
        target.requests().forEach(request -> out.println("          " + request));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

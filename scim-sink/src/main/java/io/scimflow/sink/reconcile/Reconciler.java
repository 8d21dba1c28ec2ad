package io.scimflow.sink.reconcile;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.ProvisioningOperation;

/**
 * Makes one object on the target match one operation's desired state, whatever happened
 * before (cold cache, replay, crash halfway): the entry point of the reconciliation rules.
 * Plain Java; HTTP is behind {@link TargetDirectory}, Kafka behind {@link LinkRegistry}.
 * Thread-safe: operations on different objects may run concurrently; one object's operations
 * must run one after the other.
 */
public final class Reconciler {

    /** Status reason of an operation skipped by the replay guard. */
    public static final String STALE = "Skipped: stale: a newer state of this object was applied already (replay or redrive)";

    private final UserRules users;
    private final GroupRules groups;
    private final MembershipRules memberships;
    private final ReconcileContext context;

    public Reconciler(ReconcileContext context) {
        this.context = context;
        this.memberships = new MembershipRules(context);
        this.users = new UserRules(context, memberships);
        this.groups = new GroupRules(context);
    }

    /** Applies the operation read from an unknown position (never skipped as stale unless redriven). */
    public Outcome apply(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        return apply(op, OperationPosition.UNKNOWN, target, out);
    }

    /**
     * Applies the operation, unless a newer state of its object was applied already
     * ({@link ReplayGuard}); then records it as the object's newest applied operation (one link
     * record per changed object, written when the operation ends). Returns
     * the outcome for the log; throws when a request finally failed (the caller logs the
     * failure with the steps collected in {@code out}).
     */
    public Outcome apply(ProvisioningOperation op, OperationPosition position, TargetDirectory target, Outcome.Builder out) {
        ObjectType type = op.getObjectType();
        LinkRegistry.AppliedMark mark = context.links().lastApplied(type, op.getSourceId()).orElse(null);
        if (ReplayGuard.isStale(op, position, mark)) {
            out.action(actionOf(op)).step(StepName.OTHER, LogStatus.SKIPPED, "sourceChangedAt " + op.getSourceChangedAt()
                    + " is older than the newest applied " + (ReplayGuard.isMembership(op) ? "membership " : "") + "operation's "
                    + (ReplayGuard.isMembership(op) ? mark.membershipChangedAt() : mark.objectChangedAt()));
            return out.done(LogStatus.SKIPPED, STALE);
        }
        LinkRegistry.AppliedMark applied = null;
        try {
            Outcome outcome = switch (op.getAction()) {
                case UPSERT_USER -> users.upsert(op, target, out);
                case DISABLE_USER -> users.disable(op, target, out);
                case DELETE_USER -> users.delete(op, target, out);
                case UPSERT_GROUP -> groups.upsert(op, target, out);
                case DELETE_GROUP -> groups.delete(op, target, out);
                case ADD_MEMBERS -> memberships.add(op, target, out);
                case REMOVE_MEMBERS -> memberships.remove(op, target, out);
                default -> throw new InvalidOperationException("unknown action " + op.getAction()
                        + " (written by a newer worker?); parked until a sink that knows it redrives it");
            };
            if (op.getSourceChangedAt() != null) {
                applied = ReplayGuard.isMembership(op) ? new LinkRegistry.AppliedMark(null, op.getSourceChangedAt())
                        : new LinkRegistry.AppliedMark(op.getSourceChangedAt(), null);
            }
            return outcome;
        } finally {
            // Also after a failure: a link made before it (the create succeeded) is written.
            context.links().settle(type, op.getSourceId(), applied);
        }
    }

    /**
     * The second pass for a reference an upsert left out ({@link PendingReferences}): once the
     * referenced object is linked, sets the reference on the user with one PATCH. Returns null,
     * with nothing sent, when there is nothing to do: a newer operation of the user replaced or
     * dropped the entry, the user is not provisioned (its next upsert sets the reference), or
     * the referenced object is not linked after all. Must run in the order of the user's own
     * operations; throws when the request finally failed.
     */
    public Outcome completeReference(PendingReferences.Pending pending, TargetDirectory target, Outcome.Builder out) {
        if (!context.references().take(pending)) {
            return null;
        }
        LinkRegistry links = context.links();
        var user = links.find(ObjectType.USER, pending.userSourceId());
        var referenced = links.find(pending.referencedType(), pending.referencedSourceId());
        LinkRegistry.AppliedMark mark = links.lastApplied(ObjectType.USER, pending.userSourceId()).orElse(null);
        if (user.isEmpty() || referenced.isEmpty() || (mark != null && mark.objectChangedAt() != null
                && pending.sourceChangedAt() != null && mark.objectChangedAt().isAfter(pending.sourceChangedAt()))) {
            return null;
        }
        String id = user.get().targetId();
        String value = referenced.get().targetId();
        out.action(LogAction.UPDATE).target(id, user.get().targetIdentity());
        out.step(StepName.MATCHING, LogStatus.SUCCESS, "reference " + pending.path() + " -> "
                + pending.referencedType().name().toLowerCase(Locale.ROOT) + " " + pending.referencedSourceId()
                + " is provisioned now (target id " + value + ")");
        target.patchUser(id, List.of(new AttributeChange(pending.path(), null,
                JsonNodeFactory.instance.objectNode().put("value", value))));
        context.users().forget(id);
        out.modified(pending.path(), null, value);
        return out.done(LogStatus.SUCCESS, "Updated: " + pending.path() + " set now that the "
                + pending.referencedType().name().toLowerCase(Locale.ROOT) + " it refers to is provisioned (second pass for references)");
    }

    private static LogAction actionOf(ProvisioningOperation op) {
        return switch (op.getAction()) {
            case DISABLE_USER -> LogAction.DISABLE;
            case DELETE_USER, DELETE_GROUP -> LogAction.DELETE;
            case UPSERT_USER, UPSERT_GROUP, ADD_MEMBERS, REMOVE_MEMBERS -> LogAction.UPDATE;
            default -> LogAction.OTHER;
        };
    }
}

package io.scimflow.sink.reconcile;

import io.scimflow.events.operations.ProvisioningOperation;

/**
 * Makes one object on the target match one operation's desired state, whatever happened
 * before (cold cache, replay, crash halfway): the entry point of the reconciliation rules.
 * Plain Java; HTTP is behind {@link TargetDirectory}, Kafka behind {@link LinkRegistry}.
 * Thread-safe: operations on different objects may run concurrently; one object's operations
 * must run one after the other.
 */
public final class Reconciler {

    private final UserRules users;
    private final GroupRules groups;
    private final MembershipRules memberships;

    public Reconciler(ReconcileContext context) {
        this.memberships = new MembershipRules(context);
        this.users = new UserRules(context, memberships);
        this.groups = new GroupRules(context);
    }

    /**
     * Applies the operation. Returns the outcome for the log; throws when a request finally
     * failed (the caller logs the failure with the steps collected in {@code out}).
     */
    public Outcome apply(ProvisioningOperation op, TargetDirectory target, Outcome.Builder out) {
        return switch (op.getAction()) {
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
    }
}

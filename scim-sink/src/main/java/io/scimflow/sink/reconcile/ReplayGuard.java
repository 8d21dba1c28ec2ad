package io.scimflow.sink.reconcile;

import java.time.Instant;

import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;

/**
 * Decides whether an operation is stale: a newer state of its object was applied already. Plain
 * Java, stateless.
 *
 * <p>An operation is stale when its {@code sourceChangedAt} is older than the object's mark: the
 * newest applied operation on the object itself, or, for ADD/REMOVE_MEMBERS, the newest applied
 * membership operation of the group. Why the live path never skips: the worker emits one object's
 * operations in the order of its directory events, from one input topic per kind (users and
 * groups from {@code directory.users}/{@code directory.groups}, membership changes from
 * {@code directory.memberships}), on one key, hence one partition, and the sink applies one key's
 * records in order; so within one mark, a new operation is never older than an applied one. The
 * group's own operations and its membership operations come from different topics and may
 * interleave out of time order: that is why they have separate marks. An older operation
 * therefore only arrives again: a replay (consumer group reset, or the worker re-emitting its
 * input), a redrive, or a duplicate.
 *
 * <p>An operation with the same {@code sourceChangedAt} is never stale: it is applied through the
 * normal read-compare path, so replaying the newest state sends nothing when the target already
 * matches. Membership operations for different members share the group's mark: an older
 * ADD_MEMBERS of member v skipped on a replay is safe only because it was applied before (and any
 * later change of v is replayed too). A redriven (parked, never applied) membership operation is
 * therefore never skipped; it goes through the compare like any other.
 */
public final class ReplayGuard {

    private ReplayGuard() {
    }

    public static boolean isStale(ProvisioningOperation op, OperationPosition position, LinkRegistry.AppliedMark mark) {
        if (mark == null || op.getSourceChangedAt() == null) {
            return false;
        }
        boolean membership = isMembership(op);
        if (membership && position.redriven()) {
            return false;
        }
        Instant last = membership ? mark.membershipChangedAt() : mark.objectChangedAt();
        return last != null && op.getSourceChangedAt().isBefore(last);
    }

    static boolean isMembership(ProvisioningOperation op) {
        return op.getAction() == OperationAction.ADD_MEMBERS || op.getAction() == OperationAction.REMOVE_MEMBERS;
    }
}

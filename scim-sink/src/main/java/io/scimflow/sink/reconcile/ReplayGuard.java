package io.scimflow.sink.reconcile;

import java.time.Instant;

import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;

/**
 * Decides whether an operation is stale: a newer state of its object was applied already. Plain
 * Java, stateless.
 *
 * <p>An operation is stale when its {@code sourceChangedAt} is older than the object's mark
 * <em>and</em> it is not new to the sink:
 * <ul>
 * <li>read again from the log (replay after a consumer-group reset): its offset is at or before
 * the offset of the newest applied operation. One object's operations share a key, hence a
 * partition, so a record never seen before always has a higher offset than every applied one:
 * the live path can never be skipped, even when the worker published an older change after a
 * newer one (a group's UPSERT_GROUP and its ADD_MEMBERS come from different input topics);</li>
 * <li>or redriven from the dead-letter topic (new offset, old state), except membership
 * operations: a parked ADD/REMOVE_MEMBERS was never applied, and membership operations for
 * different members share the group's key and mark, so skipping it would lose its members.</li>
 * </ul>
 * An operation with the same {@code sourceChangedAt} as the mark is never stale: it is applied
 * through the normal read-compare path, so replaying the newest state sends nothing when the
 * target already matches. Membership operations skipped as stale on a replay are safe because
 * a replay only re-reads operations that were applied before (their effect is on the target,
 * and any later change of the same members is itself replayed).
 */
public final class ReplayGuard {

    private ReplayGuard() {
    }

    public static boolean isStale(ProvisioningOperation op, OperationPosition position, LinkRegistry.AppliedMark mark) {
        if (mark == null) {
            return false;
        }
        Instant changedAt = op.getSourceChangedAt();
        if (changedAt == null || !changedAt.isBefore(mark.sourceChangedAt())) {
            return false;
        }
        if (position.redriven()) {
            return op.getAction() != OperationAction.ADD_MEMBERS && op.getAction() != OperationAction.REMOVE_MEMBERS;
        }
        return position.offset() >= 0 && mark.offset() >= 0 && position.offset() <= mark.offset();
    }
}

package io.scimflow.sink.reconcile;

import java.time.Instant;

import io.scimflow.events.ObjectType;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.sink.reconcile.LinkRegistry.AppliedMark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTests {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final AppliedMark MARK = new AppliedMark(T2, 10);

    private static ProvisioningOperation op(OperationAction action, Instant changedAt) {
        ObjectType type = action.name().contains("USER") ? ObjectType.USER : ObjectType.GROUP;
        return ReconcilerTests.op(action, type, "x").setSourceChangedAt(changedAt).build();
    }

    @Test
    void anOlderOperationReadAgainFromTheLogIsStale() {
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T1), new OperationPosition(3, false), MARK)).isTrue();
        assertThat(ReplayGuard.isStale(op(OperationAction.ADD_MEMBERS, T1), new OperationPosition(10, false), MARK)).isTrue();
    }

    @Test
    void theNewestStateIsNeverStaleItIsComparedAgain() {
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T2), new OperationPosition(10, false), MARK)).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.DISABLE_USER, T2.plusMillis(1)), new OperationPosition(3, false), MARK)).isFalse();
    }

    @Test
    void anOperationNewInTheLogIsNeverSkippedEvenWithAnOlderTimestamp() {
        // e.g. the worker published a group's UPSERT_GROUP after its (newer) ADD_MEMBERS: the live path never skips
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_GROUP, T1), new OperationPosition(11, false), MARK)).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T1), OperationPosition.UNKNOWN, MARK)).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T1), new OperationPosition(3, false), null)).isFalse();
    }

    @Test
    void aRedrivenOlderStateIsStaleButARedrivenMembershipChangeIsApplied() {
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T1), new OperationPosition(50, true), MARK)).isTrue();
        assertThat(ReplayGuard.isStale(op(OperationAction.ADD_MEMBERS, T1), new OperationPosition(50, true), MARK)).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.REMOVE_MEMBERS, T1), new OperationPosition(50, true), MARK)).isFalse();
    }

    @Test
    void aMarkOnlyMovesForward() {
        assertThat(MARK.max(new AppliedMark(T1, 20))).isEqualTo(new AppliedMark(T2, 20));
        assertThat(MARK.max(null)).isEqualTo(MARK);
    }
}

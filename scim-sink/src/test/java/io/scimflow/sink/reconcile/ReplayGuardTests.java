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
    private static final OperationPosition READ = new OperationPosition(3, false);
    private static final OperationPosition REDRIVEN = new OperationPosition(50, true);

    private static ProvisioningOperation op(OperationAction action, Instant changedAt) {
        ObjectType type = action.name().contains("USER") ? ObjectType.USER : ObjectType.GROUP;
        return ReconcilerTests.op(action, type, "x").setSourceChangedAt(changedAt).build();
    }

    @Test
    void anOperationOlderThanTheNewestAppliedOneIsStale() {
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T1), READ, new AppliedMark(T2, null))).isTrue();
        assertThat(ReplayGuard.isStale(op(OperationAction.DISABLE_USER, T1), REDRIVEN, new AppliedMark(T2, null))).isTrue();
        assertThat(ReplayGuard.isStale(op(OperationAction.ADD_MEMBERS, T1), READ, new AppliedMark(null, T2))).isTrue();
    }

    @Test
    void theNewestStateIsNeverStaleItIsComparedAgain() {
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T2), READ, new AppliedMark(T2, null))).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T2.plusMillis(1)), READ, new AppliedMark(T2, null))).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_USER, T1), READ, null)).isFalse();
    }

    @Test
    void aGroupsOwnOperationsAndItsMembershipOperationsHaveSeparateMarks() {
        // UPSERT_GROUP (directory.groups) published after a newer ADD_MEMBERS (directory.memberships): applied
        assertThat(ReplayGuard.isStale(op(OperationAction.UPSERT_GROUP, T1), READ, new AppliedMark(null, T2))).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.REMOVE_MEMBERS, T1), READ, new AppliedMark(T2, null))).isFalse();
    }

    @Test
    void aRedrivenMembershipChangeWasNeverAppliedAndIsNotSkipped() {
        assertThat(ReplayGuard.isStale(op(OperationAction.ADD_MEMBERS, T1), REDRIVEN, new AppliedMark(null, T2))).isFalse();
        assertThat(ReplayGuard.isStale(op(OperationAction.REMOVE_MEMBERS, T1), REDRIVEN, new AppliedMark(null, T2))).isFalse();
    }

    @Test
    void aMarkOnlyMovesForward() {
        assertThat(new AppliedMark(T2, null).max(new AppliedMark(T1, T1))).isEqualTo(new AppliedMark(T2, T1));
        assertThat(new AppliedMark(T2, null).max(null)).isEqualTo(new AppliedMark(T2, null));
    }
}

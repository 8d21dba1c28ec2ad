package io.scimflow.sink.reconcile;

import java.time.Instant;
import java.util.List;

import io.scimflow.events.ObjectType;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingReferencesTests {

    static final String MANAGER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";

    static ProvisioningOperation upsert(String sourceId, String managerSourceId) {
        return ProvisioningOperation.newBuilder().setOperationId("op-" + sourceId).setChangeId("c-" + sourceId)
                .setObjectType(ObjectType.USER).setSourceId(sourceId).setSourceDisplayName(sourceId + "@x.com")
                .setAction(OperationAction.UPSERT_USER).setSourceChangedAt(Instant.EPOCH).setEmittedAt(Instant.EPOCH)
                .setReferences(List.of(ReferenceAttribute.newBuilder().setPath(MANAGER).setObjectType(ObjectType.USER)
                        .setSourceId(managerSourceId).build()))
                .build();
    }

    static void leftOut(PendingReferences references, String user, String manager) {
        ProvisioningOperation op = upsert(user, manager);
        references.leftOut(op, op.getReferences().get(0));
    }

    @Test
    void keepsOneEntryPerUserAndPathFindsThemByTheReferencedObjectAndLetsEachBeTakenOnce() {
        PendingReferences references = new PendingReferences();
        leftOut(references, "r1", "m1");
        leftOut(references, "r2", "m1");
        leftOut(references, "r3", "m2");

        List<PendingReferences.Pending> waiting = references.waitingOn(ObjectType.USER, "m1");
        assertThat(waiting).extracting(PendingReferences.Pending::userSourceId).containsExactly("r1", "r2");
        assertThat(waiting.get(0).userKey()).isEqualTo("user/r1");
        assertThat(waiting.get(0).asOperation().getOperationId()).isEqualTo("op-r1");
        assertThat(waiting.get(0).asOperation().getSourceDisplayName()).isEqualTo("r1@x.com");
        assertThat(references.waitingOn(ObjectType.GROUP, "m1")).isEmpty();

        assertThat(references.take(waiting.get(0))).isTrue();
        assertThat(references.take(waiting.get(0))).isFalse();
        assertThat(references.waitingOn(ObjectType.USER, "m1")).extracting(PendingReferences.Pending::userSourceId).containsExactly("r2");
        assertThat(references.size()).isEqualTo(2);
    }

    @Test
    void aNewerUpsertReplacesTheEntryForgetDropsEveryEntryOfTheUserAndWithdrawOne() {
        PendingReferences references = new PendingReferences();
        leftOut(references, "r1", "m1");
        PendingReferences.Pending older = references.waitingOn(ObjectType.USER, "m1").get(0);
        leftOut(references, "r1", "m2");
        assertThat(references.waitingOn(ObjectType.USER, "m1")).isEmpty();
        assertThat(references.take(older)).as("replaced").isFalse();
        assertThat(references.size()).isEqualTo(1);

        references.forget("r1");
        references.forget("nobody");
        assertThat(references.size()).isZero();
        assertThat(references.waitingOn(ObjectType.USER, "m2")).isEmpty();

        leftOut(references, "r2", "m3");
        references.withdraw("r2", MANAGER.toUpperCase(java.util.Locale.ROOT)); // paths compare without case
        assertThat(references.waitingOn(ObjectType.USER, "m3")).isEmpty();
    }

    @Test
    void dropsTheOldestPastItsCapacityAndCountsThem() {
        PendingReferences references = new PendingReferences(2);
        leftOut(references, "r1", "m1");
        leftOut(references, "r2", "m1");
        leftOut(references, "r3", "m1");
        assertThat(references.waitingOn(ObjectType.USER, "m1")).extracting(PendingReferences.Pending::userSourceId)
                .containsExactly("r2", "r3");
        assertThat(references.dropped()).isEqualTo(1);

        PendingReferences none = new PendingReferences(0);
        leftOut(none, "r1", "m1");
        assertThat(none.size()).isZero();
        assertThat(none.dropped()).isEqualTo(1);
        assertThatThrownBy(() -> new PendingReferences(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

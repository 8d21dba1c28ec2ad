package io.scimflow.sink.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.scimflow.events.ObjectType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;
import io.scimflow.sink.target.PatchStyle;
import io.scimflow.sink.target.ServiceProviderInfo;
import io.scimflow.sink.target.TargetCapabilities;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTests {

    final InMemoryTarget target = new InMemoryTarget();
    final InMemoryLinkRegistry links = new InMemoryLinkRegistry();
    final UserSnapshot snapshot = new UserSnapshot(Clock.systemUTC(), Duration.ofMinutes(5));
    final GroupDirectory groups = new GroupDirectory(Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofMinutes(5));

    Reconciler reconciler(TargetCapabilities capabilities) {
        return new Reconciler(new ReconcileContext(capabilities, links, snapshot, groups));
    }

    Outcome apply(TargetCapabilities capabilities, ProvisioningOperation op) {
        return reconciler(capabilities).apply(op, target, new Outcome.Builder());
    }

    Outcome miro(ProvisioningOperation op) {
        return apply(TargetCapabilities.miro(PatchStyle.RFC7644), op);
    }

    static ProvisioningOperation.Builder op(OperationAction action, ObjectType type, String sourceId) {
        return ProvisioningOperation.newBuilder().setOperationId(UUID.randomUUID().toString()).setChangeId("c").setObjectType(type)
                .setSourceId(sourceId).setAction(action).setSourceChangedAt(Instant.EPOCH).setEmittedAt(Instant.EPOCH);
    }

    static ProvisioningOperation upsert(String sourceId, String userName, MappedAttribute... extra) {
        List<MappedAttribute> attributes = new ArrayList<>(List.of(attr("userName", userName, ApplyOn.ALWAYS),
                attr("active", true, ApplyOn.ALWAYS)));
        attributes.addAll(List.of(extra));
        return op(OperationAction.UPSERT_USER, ObjectType.USER, sourceId).setMatchingAttributes(List.of(new MatchingAttribute("userName", userName)))
                .setAttributes(attributes).build();
    }

    static MappedAttribute attr(String path, Object value, ApplyOn applyOn) {
        return MappedAttribute.newBuilder().setPath(path).setValue(value).setApplyOn(applyOn).build();
    }

    @Nested
    class Replay {

        @Test
        void anOlderOperationReadAgainIsSkippedWithoutAnyRequestAndTheNewestIsCompared() {
            Instant t1 = Instant.parse("2026-01-01T10:00:00Z");
            ProvisioningOperation first = ProvisioningOperation.newBuilder(upsert("u1", "a@x.com", attr("displayName", "A", ApplyOn.ALWAYS)))
                    .setSourceChangedAt(t1).build();
            ProvisioningOperation second = ProvisioningOperation.newBuilder(upsert("u1", "a@x.com", attr("displayName", "B", ApplyOn.ALWAYS)))
                    .setSourceChangedAt(t1.plusSeconds(5)).build();
            Reconciler reconciler = reconciler(TargetCapabilities.miro(PatchStyle.RFC7644));
            reconciler.apply(first, new OperationPosition(1, false), target, new Outcome.Builder());
            reconciler.apply(second, new OperationPosition(2, false), target, new Outcome.Builder());
            target.calls.clear();

            Outcome stale = reconciler.apply(first, new OperationPosition(1, false), target, new Outcome.Builder());
            assertThat(stale.status()).isEqualTo(LogStatus.SKIPPED);
            assertThat(stale.reason()).isEqualTo(Reconciler.STALE);
            assertThat(target.calls).isEmpty();
            Outcome newest = reconciler.apply(second, new OperationPosition(2, false), target, new Outcome.Builder());
            assertThat(newest.reason()).isEqualTo("Skipped, no change");
            assertThat(target.writes()).isEmpty();
        }
    }

    @Nested
    class SecondPassForReferences {

        static final String MANAGER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
        final PendingReferences references = new PendingReferences();
        final Reconciler reconciler = new Reconciler(new ReconcileContext(TargetCapabilities.miro(PatchStyle.RFC7644), links,
                snapshot, groups, references));

        ProvisioningOperation withManager(ProvisioningOperation op, String managerSourceId) {
            return ProvisioningOperation.newBuilder(op).setReferences(List.of(ReferenceAttribute.newBuilder().setPath(MANAGER)
                    .setObjectType(ObjectType.USER).setSourceId(managerSourceId).build())).build();
        }

        Outcome apply(ProvisioningOperation op) {
            return reconciler.apply(op, target, new Outcome.Builder());
        }

        @Test
        void aManagerLeftOutIsSetWithOnePatchOnceTheManagerIsLinked() {
            Outcome created = apply(withManager(upsert("r1", "r@x.com"), "m1"));
            assertThat(created.action()).isEqualTo(LogAction.CREATE);
            assertThat(created.steps()).anySatisfy(step -> assertThat(step.description())
                    .contains("is not provisioned on the target yet; left unchanged and set once it is"));
            String reportId = links.find(ObjectType.USER, "r1").orElseThrow().targetId();
            assertThat(target.users.get(reportId).toString()).doesNotContain("manager");
            assertThat(references.waitingOn(ObjectType.USER, "m1")).singleElement().satisfies(pending -> {
                assertThat(pending.userSourceId()).isEqualTo("r1");
                assertThat(pending.path()).isEqualTo(MANAGER);
            });

            apply(upsert("m1", "m@x.com"));
            String managerId = links.find(ObjectType.USER, "m1").orElseThrow().targetId();
            PendingReferences.Pending pending = references.waitingOn(ObjectType.USER, "m1").get(0);
            target.calls.clear();
            Outcome second = reconciler.completeReference(pending, target, new Outcome.Builder());

            assertThat(second.action()).isEqualTo(LogAction.UPDATE);
            assertThat(second.status()).isEqualTo(LogStatus.SUCCESS);
            assertThat(second.targetId()).isEqualTo(reportId);
            assertThat(second.reason()).contains("second pass for references");
            assertThat(target.calls).containsExactly("patchUser " + reportId + " [" + MANAGER + "]");
            assertThat(target.users.get(reportId).path(MANAGER.substring(0, MANAGER.lastIndexOf(':'))).path("manager")
                    .path("value").asText()).isEqualTo(managerId);
            assertThat(references.size()).isZero();
            assertThat(reconciler.completeReference(pending, target, new Outcome.Builder())).as("claimed once").isNull();
        }

        @Test
        void aNewerOperationOfTheUserReplacesOrDropsWhatAnOlderOneLeftOut() {
            apply(withManager(upsert("r1", "r@x.com"), "m1"));
            PendingReferences.Pending old = references.waitingOn(ObjectType.USER, "m1").get(0);
            apply(withManager(upsert("r1", "r@x.com"), "m2")); // the manager changed meanwhile
            assertThat(references.waitingOn(ObjectType.USER, "m1")).isEmpty();
            assertThat(references.waitingOn(ObjectType.USER, "m2")).hasSize(1);

            apply(upsert("m1", "m1@x.com"));
            target.calls.clear();
            assertThat(reconciler.completeReference(old, target, new Outcome.Builder())).isNull();
            assertThat(target.calls).isEmpty();

            apply(upsert("r1", "r@x.com")); // no manager any more
            assertThat(references.size()).isZero();
            apply(withManager(upsert("r2", "r2@x.com"), "m3"));
            apply(op(OperationAction.DISABLE_USER, ObjectType.USER, "r2").build());
            assertThat(references.size()).as("a disable drops it too").isZero();
        }

        @Test
        void nothingIsSentForAUserThatIsNotProvisionedOrWhoseNewerStateWasAppliedElsewhere() {
            ProvisioningOperation report = withManager(upsert("r1", "r@x.com"), "m1");
            references.leftOut(report, report.getReferences().get(0)); // as by an upsert that then failed
            links.link(ObjectType.USER, "m1", "t-m1", "m1@x.com");
            assertThat(reconciler.completeReference(references.waitingOn(ObjectType.USER, "m1").get(0), target,
                    new Outcome.Builder())).isNull();

            references.leftOut(report, report.getReferences().get(0));
            links.link(ObjectType.USER, "r1", "t-r1", "r@x.com");
            links.settle(ObjectType.USER, "r1", new LinkRegistry.AppliedMark(Instant.EPOCH.plusSeconds(60), null)); // another instance applied a newer upsert
            assertThat(reconciler.completeReference(references.waitingOn(ObjectType.USER, "m1").get(0), target,
                    new Outcome.Builder())).isNull();
            assertThat(target.calls).isEmpty();
        }
    }

    @Nested
    class Users {

        @Test
        void createsWithCreateOnlyValuesAndLinks() {
            Outcome outcome = miro(upsert("u1", "a@x.com", attr("userType", "Full", ApplyOn.CREATE_ONLY)));
            assertThat(outcome.action()).isEqualTo(LogAction.CREATE);
            assertThat(target.calls).containsExactly("findUser userName=a@x.com",
                    "createUser {\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a@x.com\",\"active\":true,\"userType\":\"Full\"}");
            assertThat(links.find(ObjectType.USER, "u1")).isPresent();
        }

        @Test
        void neverComparesCreateOnlyOrUnstoredAttributes() {
            String id = target.addUser("a@x.com", true);
            Outcome outcome = miro(upsert("u1", "a@x.com", attr("userType", "Basic", ApplyOn.CREATE_ONLY),
                    attr("externalId", "E1", ApplyOn.ALWAYS)));
            assertThat(outcome.status()).isEqualTo(LogStatus.SKIPPED);
            assertThat(target.writes()).isEmpty();
            assertThat(links.find(ObjectType.USER, "u1").orElseThrow().targetId()).isEqualTo(id);
        }

        @Test
        void aFreshListingReplacesLookups() {
            String id = target.addUser("b@x.com", false);
            snapshot.load(target.listUsers());
            target.calls.clear();
            Outcome existing = miro(upsert("u2", "B@X.com"));
            assertThat(existing.reason()).isEqualTo("Updated (reactivated)");
            assertThat(target.calls).containsExactly("patchUser " + id + " [userName, active]");
            target.calls.clear();
            miro(upsert("u3", "new@x.com"));
            assertThat(target.calls).singleElement().asString().startsWith("createUser");
        }

        @Test
        void aConflictOnCreateAdoptsTheExistingUser() {
            snapshot.load(List.of());
            String id = target.addUser("c@x.com", true);
            Outcome outcome = miro(upsert("u4", "c@x.com"));
            assertThat(outcome.action()).isEqualTo(LogAction.UPDATE);
            assertThat(outcome.targetId()).isEqualTo(id);
            assertThat(target.calls).filteredOn(c -> c.startsWith("createUser")).hasSize(1);
            assertThat(target.users).hasSize(1);
        }

        @Test
        void disableAndDeleteLeaveNeverLinkedAccountsAloneWithoutAnyRequest() {
            target.addUser("outsider@x.com", true);
            assertThat(miro(op(OperationAction.DISABLE_USER, ObjectType.USER, "nobody").build()).status()).isEqualTo(LogStatus.SKIPPED);
            assertThat(miro(op(OperationAction.DELETE_USER, ObjectType.USER, "nobody").build()).status()).isEqualTo(LogStatus.SKIPPED);
            assertThat(target.calls).isEmpty();
        }
    }

    @Nested
    class Groups {

        @Test
        void miroDropsGroupCreateAndDeleteWithoutSendingThem() {
            Outcome create = miro(op(OperationAction.UPSERT_GROUP, ObjectType.GROUP, "g1").setSourceDisplayName("New").build());
            Outcome delete = miro(op(OperationAction.DELETE_GROUP, ObjectType.GROUP, "g1").setSourceDisplayName("New").build());
            assertThat(create.status()).isEqualTo(LogStatus.DROPPED);
            assertThat(delete.status()).isEqualTo(LogStatus.DROPPED);
            assertThat(target.writes()).isEmpty();
        }

        @Test
        void genericProfileCreatesAndDeletesGroups() {
            TargetCapabilities generic = TargetCapabilities.genericScim(PatchStyle.RFC7644, ServiceProviderInfo.assumed(), true);
            Outcome create = apply(generic, op(OperationAction.UPSERT_GROUP, ObjectType.GROUP, "g1").setSourceDisplayName("New").build());
            assertThat(create.action()).isEqualTo(LogAction.CREATE);
            Outcome delete = apply(generic, op(OperationAction.DELETE_GROUP, ObjectType.GROUP, "g1").setSourceDisplayName("New").build());
            assertThat(delete.status()).isEqualTo(LogStatus.SUCCESS);
            assertThat(target.groups).isEmpty();
        }

        @Test
        void membersAreResolvedSkippedWhenUnprovisionedAndNotSentTwice() {
            String groupId = target.addGroup("Team");
            miro(upsert("m1", "m1@x.com"));
            String m1 = links.find(ObjectType.USER, "m1").orElseThrow().targetId();
            ProvisioningOperation add = op(OperationAction.ADD_MEMBERS, ObjectType.GROUP, "g").setSourceDisplayName("Team")
                    .setMemberSourceIds(List.of("m1", "m2")).build();
            Outcome first = miro(add);
            assertThat(first.status()).isEqualTo(LogStatus.SUCCESS);
            assertThat(target.members.get(groupId)).containsExactly(m1);
            target.calls.clear();
            Outcome second = miro(add);
            assertThat(second.status()).isEqualTo(LogStatus.SKIPPED);
            assertThat(target.writes()).isEmpty();

            ProvisioningOperation late = op(OperationAction.UPSERT_USER, ObjectType.USER, "m2")
                    .setMatchingAttributes(List.of(new MatchingAttribute("userName", "m2@x.com")))
                    .setAttributes(List.of(attr("userName", "m2@x.com", ApplyOn.ALWAYS))).setMemberOfGroupIds(List.of("g")).build();
            miro(late);
            assertThat(target.members.get(groupId)).hasSize(2);
        }
    }
}

package io.scimflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.scimflow.events.ObjectType;
import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.LogStep;
import io.scimflow.events.log.ModifiedProperty;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.log.StepName;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;
import io.scimflow.events.sink.ObjectLink;

/** One record of every contract with every field set to a non-default value. */
public final class SampleEvents {

    private static final Instant T = Instant.parse("2026-11-28T10:15:30.123Z");

    private SampleEvents() {
    }

    public static AppRoleAssignment viaGroup() {
        return AppRoleAssignment.newBuilder().setAppRoleId("8a1c6d3e-0000-4000-8000-000000000001")
                .setAppRoleValue("Company Admin").setAppRoleDisplayName("Company admin")
                .setViaGroupId("g-eng").setViaGroupDisplayName("Engineering").build();
    }

    public static DirectoryUser user() {
        return DirectoryUser.newBuilder()
                .setId("u-1").setChangeId("c-1").setSource("graph").setChangedAt(T).setLifecycle(Lifecycle.SOFT_DELETED)
                .setUserPrincipalName("zoë.ångström@example.com").setMail("zoe@example.com").setMailNickname("zoe")
                .setGivenName("Zoë").setSurname("Ångström").setDisplayName("Zoë Ångström").setJobTitle("Engineer")
                .setDepartment("R&D").setCompanyName("Example").setEmployeeId("E-42").setEmployeeType("Employee")
                .setOfficeLocation("Oslo 3").setCity("Oslo").setState("Oslo").setCountry("NO").setStreetAddress("Gate 1")
                .setPostalCode("0150").setUsageLocation("NO").setPreferredLanguage("nb-NO").setMobilePhone("+47 1234")
                .setBusinessPhones(List.of("+47 5678")).setOtherMails(List.of("z@other.example")).setUserType("Member")
                .setAccountEnabled(false).setManagerId("u-0")
                .setExtensionAttributes(Map.of("extensionAttribute1", "cost-17", "extension_abc_costCenter", "CC-9"))
                .setAppRoleAssignments(List.of(viaGroup())).setGroupIds(List.of("g-eng", "g-all"))
                .setGroupDisplayNames(Map.of("g-eng", "Engineering", "g-all", "All Staff"))
                .setDeletedAt(T.plusSeconds(60)).build();
    }

    public static DirectoryGroup group() {
        return DirectoryGroup.newBuilder()
                .setId("g-eng").setChangeId("c-2").setSource("graph").setChangedAt(T).setLifecycle(Lifecycle.HARD_DELETED)
                .setDisplayName("Engineering").setDescription("All engineers").setMail("eng@example.com")
                .setMailNickname("eng").setMailEnabled(true).setSecurityEnabled(false)
                .setExtensionAttributes(Map.of("extensionAttribute2", "x"))
                .setAppRoleAssignments(List.of(AppRoleAssignment.newBuilder().setAppRoleId("r-1").setAppRoleValue("User")
                        .setAppRoleDisplayName("User").setViaGroupId(null).setViaGroupDisplayName(null).build()))
                .setDeletedAt(T.plusSeconds(5)).build();
    }

    public static GroupMembership membership() {
        return GroupMembership.newBuilder().setGroupId("g-eng").setMemberId("u-1").setMemberType(MemberType.GROUP)
                .setPresent(false).setGroupDisplayName("Engineering").setChangeId("c-3").setSource("graph").setChangedAt(T).build();
    }

    public static ProvisioningOperation operation() {
        return ProvisioningOperation.newBuilder()
                .setOperationId("op-1").setChangeId("c-1").setObjectType(ObjectType.USER).setSourceId("u-1")
                .setSourceDisplayName("zoë.ångström@example.com").setAction(OperationAction.UPSERT_USER)
                .setMatchingAttributes(List.of(new MatchingAttribute("userName", "zoë.ångström@example.com"),
                        new MatchingAttribute("externalId", "u-1")))
                .setAttributes(List.of(
                        new MappedAttribute("active", true, null, ApplyOn.ALWAYS, false),
                        new MappedAttribute("name.givenName", "Zoë", null, ApplyOn.ALWAYS, false),
                        new MappedAttribute("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", 42L, null, ApplyOn.CREATE_ONLY, false),
                        new MappedAttribute("x-score", 1.5d, null, ApplyOn.ALWAYS, false),
                        new MappedAttribute("x-tags", List.of("a", "b"), null, ApplyOn.ALWAYS, false),
                        new MappedAttribute("roles", null, "[{\"value\":\"Company Admin\",\"primary\":true}]", ApplyOn.ALWAYS, false),
                        new MappedAttribute("password", "s3cret", null, ApplyOn.CREATE_ONLY, true)))
                .setReferences(List.of(new ReferenceAttribute("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                        ObjectType.USER, "u-0", ApplyOn.ALWAYS)))
                .setMemberOfGroupIds(List.of("g-eng")).setMemberSourceIds(List.of("u-2"))
                .setGroupDisplayNames(Map.of("g-eng", "Engineering"))
                .setAllowCreate(false).setAllowUpdate(false).setReason("assigned via group Engineering").setSourceChangedAt(T).setEmittedAt(T.plusMillis(7)).build();
    }

    public static ProvisioningLogEntry logEntry() {
        return ProvisioningLogEntry.newBuilder()
                .setId("l-1").setChangeId("c-1").setOperationId("op-1").setRunId("run-1").setTimestamp(T)
                .setObjectType(ObjectType.USER).setSourceId("u-1").setSourceIdentity("zoë.ångström@example.com")
                .setTargetId("t-1").setTargetIdentity("zoë.ångström@example.com").setAction(LogAction.UPDATE)
                .setStatus(LogStatus.FAILURE).setStatusReason("target refused")
                .setSteps(List.of(new LogStep(StepName.MATCHING, LogStatus.SUCCESS, "matched on userName"),
                        new LogStep(StepName.ACTION, LogStatus.FAILURE, "PATCH answered 400")))
                .setModifiedProperties(List.of(new ModifiedProperty("title", "Engineer", "Lead"),
                        new ModifiedProperty("password", "[redacted]", "[redacted]")))
                .setErrorCode("SCIM_400_invalidValue").setErrorReason("invalid title").setHttpStatus(400)
                .setRequests(3).setDurationMs(17).build();
    }

    public static ObjectLink link() {
        return ObjectLink.newBuilder().setObjectType(ObjectType.GROUP).setSourceId("g-eng").setTargetId("3458764512")
                .setTargetIdentity("Engineering").setManaged(false).setLinkedAt(T)
                .setLastSourceChangedAt(T).setLastMembershipChangedAt(T).build();
    }

    public static List<org.apache.avro.specific.SpecificRecord> all() {
        return List.of(user(), group(), membership(), operation(), logEntry(), link());
    }
}

package io.scimflow.sink.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.events.ObjectType;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;

/** Builds provisioning operations for tests, the way the worker emits them. */
public final class Ops {

    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final ProvisioningOperation.Builder builder;
    private final List<MappedAttribute> attributes = new ArrayList<>();
    private final List<ReferenceAttribute> references = new ArrayList<>();
    private final List<MatchingAttribute> matching = new ArrayList<>();

    private Ops(OperationAction action, ObjectType type, String sourceId) {
        builder = ProvisioningOperation.newBuilder().setOperationId(UUID.randomUUID().toString())
                .setChangeId(UUID.randomUUID().toString()).setObjectType(type).setSourceId(sourceId).setAction(action)
                .setSourceChangedAt(Instant.now()).setEmittedAt(Instant.now());
    }

    /** An UPSERT_USER matching on userName, active, with a displayName. */
    public static Ops upsertUser(String sourceId, String userName, String displayName) {
        Ops ops = new Ops(OperationAction.UPSERT_USER, ObjectType.USER, sourceId);
        ops.builder.setSourceDisplayName(userName);
        ops.matching.add(new MatchingAttribute("userName", userName));
        ops.attr("userName", userName).attr("active", true).attr("displayName", displayName);
        return ops;
    }

    public static Ops disableUser(String sourceId) {
        return new Ops(OperationAction.DISABLE_USER, ObjectType.USER, sourceId);
    }

    public static Ops deleteUser(String sourceId) {
        return new Ops(OperationAction.DELETE_USER, ObjectType.USER, sourceId);
    }

    public static Ops upsertGroup(String sourceId, String displayName) {
        Ops ops = new Ops(OperationAction.UPSERT_GROUP, ObjectType.GROUP, sourceId);
        ops.builder.setSourceDisplayName(displayName);
        ops.matching.add(new MatchingAttribute("displayName", displayName));
        ops.attr("displayName", displayName);
        return ops;
    }

    public static Ops deleteGroup(String sourceId, String displayName) {
        Ops ops = new Ops(OperationAction.DELETE_GROUP, ObjectType.GROUP, sourceId);
        ops.builder.setSourceDisplayName(displayName);
        ops.matching.add(new MatchingAttribute("displayName", displayName));
        return ops;
    }

    public static Ops addMembers(String groupSourceId, String displayName, List<String> memberSourceIds) {
        Ops ops = new Ops(OperationAction.ADD_MEMBERS, ObjectType.GROUP, groupSourceId);
        ops.builder.setSourceDisplayName(displayName).setMemberSourceIds(memberSourceIds);
        ops.matching.add(new MatchingAttribute("displayName", displayName));
        return ops;
    }

    public static Ops removeMembers(String groupSourceId, String displayName, List<String> memberSourceIds) {
        Ops ops = new Ops(OperationAction.REMOVE_MEMBERS, ObjectType.GROUP, groupSourceId);
        ops.builder.setSourceDisplayName(displayName).setMemberSourceIds(memberSourceIds);
        ops.matching.add(new MatchingAttribute("displayName", displayName));
        return ops;
    }

    public Ops attr(String path, Object value) {
        attributes.removeIf(a -> a.getPath().equals(path));
        attributes.add(MappedAttribute.newBuilder().setPath(path).setValue(value).setApplyOn(ApplyOn.ALWAYS).build());
        return this;
    }

    /** An attribute the worker marked sensitive (mapped through {@code Redact(...)}, a password, or marked so). */
    public Ops sensitive(String path, Object value) {
        attributes.removeIf(a -> a.getPath().equals(path));
        attributes.add(MappedAttribute.newBuilder().setPath(path).setValue(value).setApplyOn(ApplyOn.ALWAYS).setSensitive(true).build());
        return this;
    }

    public Ops createOnly(String path, Object value) {
        attributes.add(MappedAttribute.newBuilder().setPath(path).setValue(value).setApplyOn(ApplyOn.CREATE_ONLY).build());
        return this;
    }

    public Ops manager(String managerSourceId) {
        references.add(ReferenceAttribute.newBuilder().setPath(ENTERPRISE + ":manager").setObjectType(ObjectType.USER)
                .setSourceId(managerSourceId).build());
        return this;
    }

    public Ops memberOf(String... groupSourceIds) {
        builder.setMemberOfGroupIds(List.of(groupSourceIds));
        return this;
    }

    /** Miro's organisation role the way the Miro app config maps it (Entra's notation). */
    public Ops role(String role) {
        return attr("roles[primary eq \"True\"].value", role).attr("roles[primary eq \"True\"].type", "organization_user_role");
    }

    /** Display names by group source id ({@code groupDisplayNames}). */
    public Ops groupNames(Map<String, String> names) {
        builder.setGroupDisplayNames(names);
        return this;
    }

    /** The source change time ({@code sourceChangedAt}). */
    public Ops changedAt(Instant at) {
        builder.setSourceChangedAt(at);
        return this;
    }

    public Ops matchOn(String path, String value) {
        matching.add(0, new MatchingAttribute(path, value));
        return this;
    }

    public ProvisioningOperation build() {
        return builder.setAttributes(attributes).setReferences(references).setMatchingAttributes(matching).build();
    }
}

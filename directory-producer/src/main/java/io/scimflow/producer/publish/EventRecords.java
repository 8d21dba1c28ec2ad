package io.scimflow.producer.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;
import io.scimflow.producer.assignment.AssignmentResolver;
import io.scimflow.producer.assignment.Assignments;
import io.scimflow.producer.assignment.EffectiveAssignment;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.model.Group;
import io.scimflow.producer.model.Membership;
import io.scimflow.producer.model.ObjectState;
import io.scimflow.producer.model.User;
import io.scimflow.schemas.keys.MembershipKeys;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Turns a directory snapshot into event records ({@link #project}), back
 * ({@link #toDirectory}), and stamps records with a change id, a time and a source.
 */
public final class EventRecords {

    static final Set<String> USER_RESERVED = Set.of("id", "changeId", "source", "changedAt", "lifecycle",
            "appRoleAssignments", "groupIds", "groupDisplayNames", "deletedAt");
    static final Set<String> GROUP_RESERVED = Set.of("id", "changeId", "source", "changedAt", "lifecycle",
            "appRoleAssignments", "deletedAt");
    private static final String NONE = "";

    // Records holding the schema defaults, made once by the builders (which deep-copy every
    // default on each build); new records start as copies of them.
    private static final DirectoryUser USER_DEFAULTS = DirectoryUser.newBuilder()
            .setId(NONE).setChangeId(NONE).setSource(NONE).setChangedAt(Instant.EPOCH).build();
    private static final DirectoryGroup GROUP_DEFAULTS = DirectoryGroup.newBuilder()
            .setId(NONE).setChangeId(NONE).setSource(NONE).setChangedAt(Instant.EPOCH).build();
    private static final GroupMembership MEMBERSHIP_DEFAULTS = GroupMembership.newBuilder()
            .setGroupId(NONE).setMemberId(NONE).setMemberType(MemberType.USER).setPresent(true)
            .setChangeId(NONE).setSource(NONE).setChangedAt(Instant.EPOCH).build();

    private EventRecords() {
    }

    /** Every record of the directory, made now. */
    public static Projection project(Directory directory) {
        StreamedProjection streamed = stream(directory);
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        streamed.forEachUser(users::put);
        return new Projection(users, streamed.groups(), streamed.memberships());
    }

    /**
     * The directory's groups and memberships as records, made now, and its users made one at a
     * time as they are iterated ({@link StreamedProjection#forEachUser}).
     */
    public static StreamedProjection stream(Directory directory) {
        Assignments assignments = AssignmentResolver.resolve(directory);
        Map<String, TreeSet<String>> groupsOfUser = new HashMap<>();
        Map<String, GroupMembership> memberships = new LinkedHashMap<>();
        for (Membership membership : directory.memberships()) {
            if (!directory.groups().containsKey(membership.groupId()) || !memberExists(directory, membership)) {
                continue;
            }
            if (membership.memberType() == io.scimflow.producer.model.MemberType.USER) {
                groupsOfUser.computeIfAbsent(membership.memberId(), id -> new TreeSet<>()).add(membership.groupId());
            }
            GroupMembership fact = RecordCopies.withDefaults(MEMBERSHIP_DEFAULTS, new GroupMembership());
            fact.setGroupId(membership.groupId());
            fact.setMemberId(membership.memberId());
            fact.setMemberType(MemberType.valueOf(membership.memberType().name()));
            fact.setPresent(true);
            fact.setGroupDisplayName(directory.groups().get(membership.groupId()).displayName());
            memberships.put(MembershipKeys.of(membership.groupId(), membership.memberId()), fact);
        }
        Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
        for (Group group : directory.groups().values()) {
            groups.put(group.id(), group(group, assignments.ofGroup(group.id())));
        }
        return new StreamedProjection(directory, assignments, groupsOfUser, groups, memberships);
    }

    /** The record of one user of {@code directory}, with its effective assignments and direct groups. */
    static DirectoryUser user(Directory directory, User user, Assignments assignments, Map<String, TreeSet<String>> groupsOfUser) {
        TreeSet<String> groupIds = groupsOfUser.get(user.id());
        DirectoryUser event = user(user, assignments.ofUser(user.id()), groupIds == null ? List.of() : List.copyOf(groupIds));
        Map<String, String> groupNames = new TreeMap<>();
        for (String groupId : event.getGroupIds()) {
            String name = directory.groups().get(groupId).displayName();
            if (name != null) {
                groupNames.put(groupId, name);
            }
        }
        event.setGroupDisplayNames(groupNames);
        return event;
    }

    private static boolean memberExists(Directory directory, Membership membership) {
        return switch (membership.memberType()) {
            case USER -> directory.users().containsKey(membership.memberId());
            case GROUP -> directory.groups().containsKey(membership.memberId());
            case OTHER -> true;
        };
    }

    static DirectoryUser user(User user, List<EffectiveAssignment> assignments, List<String> groupIds) {
        DirectoryUser record = RecordCopies.withDefaults(USER_DEFAULTS, new DirectoryUser());
        record.setId(user.id());
        record.setLifecycle(lifecycle(user.state()));
        record.setDeletedAt(user.deletedAt());
        record.setAppRoleAssignments(avro(assignments));
        record.setGroupIds(new ArrayList<>(groupIds));
        AvroAttributes.write(record, user.attributes(), USER_RESERVED);
        return record;
    }

    static DirectoryGroup group(Group group, List<EffectiveAssignment> assignments) {
        DirectoryGroup record = RecordCopies.withDefaults(GROUP_DEFAULTS, new DirectoryGroup());
        record.setId(group.id());
        record.setLifecycle(lifecycle(group.state()));
        record.setDeletedAt(group.deletedAt());
        record.setAppRoleAssignments(avro(assignments));
        AvroAttributes.write(record, group.attributes(), GROUP_RESERVED);
        return record;
    }

    private static List<AppRoleAssignment> avro(List<EffectiveAssignment> assignments) {
        List<AppRoleAssignment> list = new ArrayList<>(assignments.size());
        for (EffectiveAssignment a : assignments) {
            list.add(new AppRoleAssignment(a.appRoleId(), a.appRoleValue(), a.appRoleDisplayName(), a.viaGroupId(), a.viaGroupDisplayName()));
        }
        return list;
    }

    private static Lifecycle lifecycle(ObjectState state) {
        return state == ObjectState.SOFT_DELETED ? Lifecycle.SOFT_DELETED : Lifecycle.ACTIVE;
    }

    /** A copy of a record with the bookkeeping fields cleared, for comparing contents. Null stays null. */
    public static SpecificRecordBase normalize(SpecificRecordBase record) {
        if (record == null) {
            return null;
        }
        return withBookkeeping(record, NONE, Instant.EPOCH, NONE);
    }

    /** A copy of a normalized record that carries this change id, time and source. */
    public static SpecificRecordBase stamp(SpecificRecordBase record, String changeId, Instant at, String source) {
        return withBookkeeping(record, changeId, at, source);
    }

    private static SpecificRecordBase withBookkeeping(SpecificRecordBase record, String changeId, Instant at, String source) {
        if (record instanceof DirectoryUser user) {
            DirectoryUser copy = RecordCopies.shallow(user, new DirectoryUser());
            copy.setChangeId(changeId);
            copy.setChangedAt(at);
            copy.setSource(source);
            copy.setExtensionAttributes(sortedText(copy.getExtensionAttributes()));
            return copy;
        }
        if (record instanceof DirectoryGroup group) {
            DirectoryGroup copy = RecordCopies.shallow(group, new DirectoryGroup());
            copy.setChangeId(changeId);
            copy.setChangedAt(at);
            copy.setSource(source);
            copy.setExtensionAttributes(sortedText(copy.getExtensionAttributes()));
            return copy;
        }
        if (record instanceof GroupMembership membership) {
            GroupMembership copy = RecordCopies.shallow(membership, new GroupMembership());
            copy.setChangeId(changeId);
            copy.setChangedAt(at);
            copy.setSource(source);
            return copy;
        }
        throw new IllegalArgumentException("Not a directory record: " + record.getSchema().getFullName());
    }

    /** The map as a sorted map of strings: itself when it already is one (records are never changed), else a copy. */
    private static Map<String, String> sortedText(Map<?, ?> map) {
        if (map instanceof TreeMap<?, ?> sorted && sorted.comparator() == null && allText(map)) {
            @SuppressWarnings("unchecked")
            Map<String, String> text = (Map<String, String>) map;
            return text;
        }
        Map<String, String> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(k.toString(), v == null ? null : v.toString()));
        return result;
    }

    private static boolean allText(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String) || (entry.getValue() != null && !(entry.getValue() instanceof String))) {
                return false;
            }
        }
        return true;
    }

    /** The final record of a hard-deleted object: its last state, lifecycle HARD_DELETED. */
    static SpecificRecordBase hardDeleted(SpecificRecordBase last, Instant at) {
        if (last instanceof DirectoryUser user) {
            return DirectoryUser.newBuilder(user).setLifecycle(Lifecycle.HARD_DELETED).setDeletedAt(at).build();
        }
        if (last instanceof DirectoryGroup group) {
            return DirectoryGroup.newBuilder(group).setLifecycle(Lifecycle.HARD_DELETED).setDeletedAt(at).build();
        }
        throw new IllegalArgumentException("Only users and groups are hard-deleted: " + last.getSchema().getFullName());
    }

    /**
     * The directory that published records describe: users and groups that are not
     * hard-deleted, with their attributes, and the present memberships. App roles and
     * assignments are not part of it (sources re-read them).
     */
    public static DirectoryBuilder toDirectory(Iterable<DirectoryUser> users, Iterable<DirectoryGroup> groups,
            Iterable<GroupMembership> memberships) {
        DirectoryBuilder builder = new DirectoryBuilder();
        for (DirectoryGroup group : groups) {
            if (group.getLifecycle() == Lifecycle.ACTIVE || group.getLifecycle() == Lifecycle.SOFT_DELETED) {
                builder.putGroup(new Group(group.getId(), AvroAttributes.read(group, GROUP_RESERVED),
                        state(group.getLifecycle()), group.getDeletedAt()));
            }
        }
        for (DirectoryUser user : users) {
            if (user.getLifecycle() == Lifecycle.ACTIVE || user.getLifecycle() == Lifecycle.SOFT_DELETED) {
                builder.putUser(new User(user.getId(), AvroAttributes.read(user, USER_RESERVED),
                        state(user.getLifecycle()), user.getDeletedAt()));
            }
        }
        for (GroupMembership membership : memberships) {
            if (membership.getPresent()) {
                builder.addMember(membership.getGroupId(), membership.getMemberId(),
                        io.scimflow.producer.model.MemberType.valueOf(membership.getMemberType() == MemberType.OTHER
                                ? "OTHER" : membership.getMemberType().name()));
            }
        }
        return builder;
    }

    private static ObjectState state(Lifecycle lifecycle) {
        return lifecycle == Lifecycle.SOFT_DELETED ? ObjectState.SOFT_DELETED : ObjectState.ACTIVE;
    }
}

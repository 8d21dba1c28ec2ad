package io.scimflow.producer.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Compares a new projection of the directory with what was published and lists the
 * records to publish, in this order: changed groups, changed users, new memberships,
 * membership removals, hard-deleted users, hard-deleted groups.
 *
 * <ul>
 *   <li>An object whose record (attributes, lifecycle, effective assignments, direct groups)
 *       is unchanged publishes nothing. Because a user's record carries its effective
 *       assignments and groups, an assignment or membership change re-publishes every user it
 *       affects, and nobody else.</li>
 *   <li>An object that is gone is hard-deleted: its last record with lifecycle
 *       {@code HARD_DELETED}, then a tombstone.</li>
 *   <li>A membership that is gone publishes a {@code present=false} fact. The fact stays on
 *       the compacted topic (so a consumer replaying it learns of the removal), until the group
 *       or the member is hard-deleted: then a tombstone follows, so compaction forgets it.</li>
 * </ul>
 * With {@code everything=true} (full resync) every current object is re-published even when
 * unchanged.
 */
public final class DirectoryDiffer {

    private DirectoryDiffer() {
    }

    public static List<StateEvent> diff(PublishedState published, Projection next, Instant now, boolean everything) {
        List<StateEvent> events = new ArrayList<>();
        diff(published, next, now, everything, events::add);
        return events;
    }

    /**
     * As {@link #diff(PublishedState, Projection, Instant, boolean)}, handing each record to
     * {@code out} as soon as it is known, in the same order (with a {@link StreamedProjection},
     * before the next user's record is even made). {@code published} must not change meanwhile.
     */
    static void diff(PublishedState published, ProjectedRecords next, Instant now, boolean everything, Consumer<StateEvent> out) {
        next.groups().forEach((id, group) -> {
            if (everything || !Objects.equals(published.group(id), group)) {
                out.accept(new StateEvent(EventTopic.GROUPS, id, group));
            }
        });
        next.forEachUser((id, user) -> {
            if (everything || !Objects.equals(published.user(id), user)) {
                out.accept(new StateEvent(EventTopic.USERS, id, user));
            }
        });
        next.memberships().forEach((key, membership) -> {
            if (everything || !Objects.equals(published.membership(key), membership)) {
                out.accept(new StateEvent(EventTopic.MEMBERSHIPS, key, membership));
            }
        });
        for (Map.Entry<String, GroupMembership> entry : sortedMissing(published.memberships(), next.memberships()::containsKey)) {
            String key = entry.getKey();
            GroupMembership last = entry.getValue();
            if (last.getPresent()) {
                GroupMembership removal = GroupMembership.newBuilder(last).setPresent(false).build();
                out.accept(new StateEvent(EventTopic.MEMBERSHIPS, key, removal));
            }
            if (endGone(next, last)) {
                out.accept(new StateEvent(EventTopic.MEMBERSHIPS, key, null));
            }
        }
        for (Map.Entry<String, DirectoryUser> entry : sortedMissing(published.users(), next::hasUser)) {
            hardDelete(out, EventTopic.USERS, entry.getKey(), entry.getValue(), entry.getValue().getLifecycle(), now);
        }
        for (Map.Entry<String, DirectoryGroup> entry : sortedMissing(published.groups(), next.groups()::containsKey)) {
            hardDelete(out, EventTopic.GROUPS, entry.getKey(), entry.getValue(), entry.getValue().getLifecycle(), now);
        }
    }

    private static void hardDelete(Consumer<StateEvent> out, EventTopic topic, String id, SpecificRecordBase last,
            Lifecycle lifecycle, Instant now) {
        if (lifecycle != Lifecycle.HARD_DELETED) {
            out.accept(new StateEvent(topic, id, EventRecords.hardDeleted(last, now)));
        }
        out.accept(new StateEvent(topic, id, null));
    }

    /** The group, or the user or group member, of this fact no longer exists. */
    private static boolean endGone(ProjectedRecords next, GroupMembership fact) {
        if (!next.groups().containsKey(fact.getGroupId())) {
            return true;
        }
        String member = fact.getMemberId();
        if (fact.getMemberType() == MemberType.USER) {
            return !next.hasUser(member);
        }
        if (fact.getMemberType() == MemberType.GROUP) {
            return !next.groups().containsKey(member);
        }
        return false;
    }

    /** Entries of {@code published} whose key {@code next} lacks, by key (a stable order for equal inputs). */
    private static <T> List<Map.Entry<String, T>> sortedMissing(Map<String, T> published, Predicate<String> next) {
        List<Map.Entry<String, T>> entries = new ArrayList<>();
        for (Map.Entry<String, T> entry : published.entrySet()) {
            if (!next.test(entry.getKey())) {
                entries.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }
}

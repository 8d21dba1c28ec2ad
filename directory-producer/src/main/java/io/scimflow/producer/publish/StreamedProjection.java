package io.scimflow.producer.publish;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.producer.assignment.Assignments;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.User;

/**
 * A directory snapshot whose groups and memberships are already records and whose users are
 * made one by one, each time they are iterated. A large round can so be sent while its users
 * are still being made (see {@link DirectorySynchronizer}); the records are the same as those
 * of {@link EventRecords#project}. Made by {@link EventRecords#stream}.
 */
public final class StreamedProjection implements ProjectedRecords {

    private final Directory directory;
    private final Assignments assignments;
    private final Map<String, TreeSet<String>> groupsOfUser;
    private final Map<String, DirectoryGroup> groups;
    private final Map<String, GroupMembership> memberships;

    StreamedProjection(Directory directory, Assignments assignments, Map<String, TreeSet<String>> groupsOfUser,
            Map<String, DirectoryGroup> groups, Map<String, GroupMembership> memberships) {
        this.directory = directory;
        this.assignments = assignments;
        this.groupsOfUser = groupsOfUser;
        this.groups = groups;
        this.memberships = memberships;
    }

    @Override
    public Map<String, DirectoryGroup> groups() {
        return groups;
    }

    @Override
    public Map<String, GroupMembership> memberships() {
        return memberships;
    }

    /** Makes every user's record anew and hands it over, in the directory's order. */
    @Override
    public void forEachUser(BiConsumer<String, DirectoryUser> action) {
        for (User user : directory.users().values()) {
            action.accept(user.id(), EventRecords.user(directory, user, assignments, groupsOfUser));
        }
    }

    @Override
    public boolean hasUser(String id) {
        return directory.users().containsKey(id);
    }

    @Override
    public int size() {
        return directory.users().size() + groups.size() + memberships.size();
    }
}

package io.scimflow.producer.publish;

import java.util.Map;
import java.util.function.BiConsumer;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;

/**
 * The records a directory snapshot stands for, keyed as on the topics, <em>normalized</em>:
 * {@code changeId} and {@code source} empty, {@code changedAt} the epoch, so that two
 * projections of the same directory are equal. {@link EventRecords#stamp} fills them in.
 */
public record Projection(
        Map<String, DirectoryUser> users,
        Map<String, DirectoryGroup> groups,
        Map<String, GroupMembership> memberships) implements ProjectedRecords {

    @Override
    public void forEachUser(BiConsumer<String, DirectoryUser> action) {
        users.forEach(action);
    }

    @Override
    public boolean hasUser(String id) {
        return users.containsKey(id);
    }

    @Override
    public int size() {
        return users.size() + groups.size() + memberships.size();
    }
}

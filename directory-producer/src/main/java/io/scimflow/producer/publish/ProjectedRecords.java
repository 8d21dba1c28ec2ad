package io.scimflow.producer.publish;

import java.util.Map;
import java.util.function.BiConsumer;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;

/**
 * A directory snapshot as the records it stands for, keyed as on the topics, as
 * {@link DirectoryDiffer} reads it: all made at once ({@link Projection}) or the users made
 * while they are iterated ({@link StreamedProjection}).
 */
interface ProjectedRecords {

    Map<String, DirectoryGroup> groups();

    Map<String, GroupMembership> memberships();

    /** Every user's record, keyed by user id, in the directory's order. */
    void forEachUser(BiConsumer<String, DirectoryUser> action);

    boolean hasUser(String id);

    /** Users, groups and memberships. */
    int size();
}

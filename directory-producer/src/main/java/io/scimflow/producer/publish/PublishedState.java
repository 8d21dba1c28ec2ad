package io.scimflow.producer.publish;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.producer.model.DirectoryBuilder;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * What the directory topics hold now, per key: the last record published (normalized), or
 * nothing after a tombstone. The differ compares a new snapshot against it. Not
 * thread-safe; the {@link DirectorySynchronizer} owns it.
 */
public final class PublishedState {

    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<String, DirectoryGroup> groups = new HashMap<>();
    private final Map<String, GroupMembership> memberships = new HashMap<>();

    public void apply(StateEvent event) {
        apply(event.topic(), event.key(), event.value());
    }

    public void apply(EventTopic topic, String key, SpecificRecordBase value) {
        SpecificRecordBase normalized = EventRecords.normalize(value);
        switch (topic) {
            case USERS -> put(users, key, (DirectoryUser) normalized);
            case GROUPS -> put(groups, key, (DirectoryGroup) normalized);
            case MEMBERSHIPS -> put(memberships, key, (GroupMembership) normalized);
        }
    }

    private static <T> void put(Map<String, T> map, String key, T value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    public DirectoryUser user(String id) {
        return users.get(id);
    }

    public DirectoryGroup group(String id) {
        return groups.get(id);
    }

    public GroupMembership membership(String key) {
        return memberships.get(key);
    }

    Map<String, DirectoryUser> users() {
        return users;
    }

    Map<String, DirectoryGroup> groups() {
        return groups;
    }

    Map<String, GroupMembership> memberships() {
        return memberships;
    }

    public int size() {
        return users.size() + groups.size() + memberships.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The directory these records describe (users, groups, present memberships; no roles or assignments). */
    public DirectoryBuilder toDirectory() {
        Collection<DirectoryUser> u = users.values();
        return EventRecords.toDirectory(u, groups.values(), memberships.values());
    }

    @Override
    public String toString() {
        return users.size() + " users, " + groups.size() + " groups, " + memberships.size() + " membership facts";
    }
}

package io.scimflow.producer.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * One directory user: its Graph attributes (by Graph name, e.g. {@code userPrincipalName},
 * {@code accountEnabled}, plus any extension attribute) and whether it is soft-deleted.
 */
public record User(String id, Map<String, Object> attributes, ObjectState state, Instant deletedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        attributes = Attributes.copyOf(attributes);
        state = state == null ? ObjectState.ACTIVE : state;
        deletedAt = state == ObjectState.ACTIVE || deletedAt == null ? null : deletedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static User active(String id, Map<String, ?> attributes) {
        return new User(id, Map.copyOf(attributes), ObjectState.ACTIVE, null);
    }

    public String displayName() {
        return Attributes.string(attributes, "displayName");
    }

    public User withAttributes(Map<String, ?> newAttributes) {
        return new User(id, Map.copyOf(newAttributes), state, deletedAt);
    }

    public User softDeleted(Instant at) {
        return new User(id, attributes, ObjectState.SOFT_DELETED, deletedAt != null ? deletedAt : at);
    }

    public User restored() {
        return new User(id, attributes, ObjectState.ACTIVE, null);
    }
}

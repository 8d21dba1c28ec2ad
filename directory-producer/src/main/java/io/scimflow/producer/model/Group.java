package io.scimflow.producer.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/** One directory group: its Graph attributes and whether it is soft-deleted. Members are {@link Membership}s. */
public record Group(String id, Map<String, Object> attributes, ObjectState state, Instant deletedAt) {

    public Group {
        Objects.requireNonNull(id, "id");
        attributes = Attributes.copyOf(attributes);
        state = state == null ? ObjectState.ACTIVE : state;
        deletedAt = state == ObjectState.ACTIVE || deletedAt == null ? null : deletedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Group active(String id, Map<String, ?> attributes) {
        return new Group(id, Map.copyOf(attributes), ObjectState.ACTIVE, null);
    }

    public String displayName() {
        return Attributes.string(attributes, "displayName");
    }

    public boolean active() {
        return state == ObjectState.ACTIVE;
    }

    public Group withAttributes(Map<String, ?> newAttributes) {
        return new Group(id, Map.copyOf(newAttributes), state, deletedAt);
    }

    public Group softDeleted(Instant at) {
        return new Group(id, attributes, ObjectState.SOFT_DELETED, deletedAt != null ? deletedAt : at);
    }

    public Group restored() {
        return new Group(id, attributes, ObjectState.ACTIVE, null);
    }
}

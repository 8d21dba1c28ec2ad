package io.scimflow.sink.reconcile;

import java.util.Optional;

import io.scimflow.events.ObjectType;

/**
 * The durable source id to target id links (Entra's object connections). A link marks the
 * target object as managed by the pipeline. Implementations make a change durable before they
 * return.
 */
public interface LinkRegistry {

    Optional<Link> find(ObjectType type, String sourceId);

    void link(ObjectType type, String sourceId, String targetId, String targetIdentity);

    void unlink(ObjectType type, String sourceId);

    /** A link as the rules use it. */
    record Link(String targetId, String targetIdentity) {
    }
}

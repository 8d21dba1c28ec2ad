package io.scimflow.sink.reconcile;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.scimflow.events.ObjectType;

/**
 * Links and marks in memory only, never written anywhere: for the sink's start-up rehearsal
 * and the rules' unit tests. Thread-safe.
 */
public final class InMemoryLinkRegistry implements LinkRegistry {

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Map<String, AppliedMark> marks = new ConcurrentHashMap<>();

    @Override
    public Optional<Link> find(ObjectType type, String sourceId) {
        return Optional.ofNullable(links.get(type + "/" + sourceId));
    }

    @Override
    public void link(ObjectType type, String sourceId, String targetId, String targetIdentity) {
        links.put(type + "/" + sourceId, new Link(targetId, targetIdentity));
    }

    @Override
    public void unlink(ObjectType type, String sourceId) {
        links.remove(type + "/" + sourceId);
    }

    @Override
    public Optional<AppliedMark> lastApplied(ObjectType type, String sourceId) {
        return Optional.ofNullable(marks.get(type + "/" + sourceId));
    }

    @Override
    public void settle(ObjectType type, String sourceId, AppliedMark applied) {
        if (applied != null) {
            marks.merge(type + "/" + sourceId, applied, AppliedMark::max);
        }
    }
}

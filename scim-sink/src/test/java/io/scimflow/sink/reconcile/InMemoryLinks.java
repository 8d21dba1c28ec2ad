package io.scimflow.sink.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.scimflow.events.ObjectType;

/** Links in a map, for the rules' unit tests. */
final class InMemoryLinks implements LinkRegistry {

    final Map<String, Link> links = new HashMap<>();
    final Map<String, AppliedMark> marks = new HashMap<>();

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
    public void settle(ObjectType type, String sourceId, AppliedMark mark) {
        if (mark != null) {
            marks.merge(type + "/" + sourceId, mark, AppliedMark::max);
        }
    }
}

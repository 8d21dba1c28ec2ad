package io.scimflow.sink.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The target's groups (id and displayName), listed once and cached, because Miro allows only
 * five {@code GET /Groups} per 30 seconds; and each group's members, read once per group and
 * kept up to date by the sink's own changes. A name not found is listed again only when the
 * list is older than {@code minRelist}. Thread-safe.
 */
public final class GroupDirectory {

    private final Clock clock;
    private final Duration minRelist;
    private final Duration membersTtl;
    private final Map<String, String> idByName = new ConcurrentHashMap<>();
    private final Map<String, String> nameById = new ConcurrentHashMap<>();
    private final Map<String, Members> membersById = new ConcurrentHashMap<>();
    private volatile Instant listedAt;

    public GroupDirectory(Clock clock, Duration minRelist, Duration membersTtl) {
        this.clock = clock;
        this.minRelist = minRelist;
        this.membersTtl = membersTtl;
    }

    /** Replaces the list of groups. */
    public synchronized void load(List<ObjectNode> groups) {
        idByName.clear();
        nameById.clear();
        for (ObjectNode group : groups) {
            JsonNode id = group.get("id");
            JsonNode name = group.get("displayName");
            if (id != null && name != null) {
                put(id.asText(), name.asText());
            }
        }
        listedAt = clock.instant();
    }

    public boolean isLoaded() {
        return listedAt != null;
    }

    /** True when the list may be fetched again (never listed, or older than minRelist). */
    public boolean mayRelist() {
        Instant at = listedAt;
        return at == null || !clock.instant().isBefore(at.plus(minRelist));
    }

    public Optional<String> idByName(String displayName) {
        return Optional.ofNullable(idByName.get(displayName.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> nameById(String id) {
        return Optional.ofNullable(nameById.get(id));
    }

    public boolean contains(String id) {
        return nameById.containsKey(id);
    }

    public synchronized void put(String id, String displayName) {
        String old = nameById.put(id, displayName);
        if (old != null) {
            idByName.remove(old.toLowerCase(Locale.ROOT));
        }
        idByName.put(displayName.toLowerCase(Locale.ROOT), id);
    }

    public synchronized void remove(String id) {
        String old = nameById.remove(id);
        if (old != null) {
            idByName.remove(old.toLowerCase(Locale.ROOT));
        }
        membersById.remove(id);
    }

    /** The group's member ids, read with {@code loader} when not cached or expired. */
    public Set<String> members(String groupId, Supplier<Set<String>> loader) {
        Members cached = membersById.get(groupId);
        if (cached != null && clock.instant().isBefore(cached.readAt.plus(membersTtl))) {
            return cached.ids;
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ids.addAll(loader.get());
        membersById.put(groupId, new Members(ids, clock.instant()));
        return ids;
    }

    /** Members known to be in the group without a request, or null when not cached. */
    public Set<String> cachedMembers(String groupId) {
        Members cached = membersById.get(groupId);
        return cached == null ? null : new HashSet<>(cached.ids);
    }

    public void membersAdded(String groupId, List<String> ids) {
        Members cached = membersById.get(groupId);
        if (cached != null) {
            cached.ids.addAll(ids);
        }
    }

    public void membersRemoved(String groupId, List<String> ids) {
        Members cached = membersById.get(groupId);
        if (cached != null) {
            ids.forEach(cached.ids::remove);
        }
    }

    /** Drops the cached members (after an error that may mean they drifted). */
    public void forgetMembers(String groupId) {
        membersById.remove(groupId);
    }

    private record Members(Set<String> ids, Instant readAt) {
    }
}

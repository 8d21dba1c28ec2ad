package io.scimflow.sink.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The target's users as listed once before a large sync, so that matching needs no request per
 * user: a userName absent from a fresh snapshot is absent on the target (a user created
 * meanwhile by someone else makes the create answer 409, which adopts it). Each entry is
 * handed out once (it is stale after the rules change it) and the whole snapshot expires.
 * Thread-safe.
 */
public final class UserSnapshot {

    private final Map<String, ObjectNode> byUserName = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private volatile Instant loadedAt;

    public UserSnapshot(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Replaces the snapshot with this listing. */
    public void load(List<ObjectNode> users) {
        byUserName.clear();
        byId.clear();
        for (ObjectNode user : users) {
            JsonNode id = user.get("id");
            JsonNode userName = user.get("userName");
            if (id == null || userName == null) {
                continue;
            }
            byUserName.put(userName.asText().toLowerCase(Locale.ROOT), user);
            byId.put(id.asText(), user);
        }
        loadedAt = clock.instant();
    }

    /** True while a loaded snapshot is younger than its time to live. */
    public boolean isFresh() {
        Instant at = loadedAt;
        return at != null && clock.instant().isBefore(at.plus(ttl));
    }

    public int size() {
        return byId.size();
    }

    /** Takes the user with this userName (compared without case) out of the snapshot. */
    public Optional<ObjectNode> takeByUserName(String userName) {
        ObjectNode user = byUserName.remove(userName.toLowerCase(Locale.ROOT));
        if (user != null) {
            byId.remove(user.get("id").asText());
        }
        return Optional.ofNullable(user);
    }

    /** Takes the user with this id out of the snapshot. */
    public Optional<ObjectNode> takeById(String id) {
        ObjectNode user = byId.remove(id);
        if (user != null) {
            byUserName.remove(user.get("userName").asText().toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(user);
    }

    /** Forgets a user (deleted, or changed by the rules). */
    public void forget(String id) {
        takeById(id);
    }
}

package io.scimflow.sink.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.scimflow.events.ObjectType;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;
import io.scimflow.schemas.keys.OperationKeys;

/**
 * The references (a user's manager) that an upsert had to leave out because the referenced
 * object was not provisioned yet, kept so that they are set as soon as it is: Entra's second
 * pass for references. One entry per user and reference path, from the user's newest upsert;
 * a newer operation of the user replaces or drops it. In memory only, at most
 * {@code capacity} entries (the oldest are dropped first, and counted); a dropped or forgotten
 * reference is still set by the user's next upsert. Plain Java; thread-safe.
 */
public final class PendingReferences {

    /** Entries kept unless configured otherwise: some tens of MB at most. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /**
     * One reference left out: {@code path} of user {@code userSourceId} should point at
     * {@code referencedType} {@code referencedSourceId}; the rest identifies the upsert that left it out.
     */
    public record Pending(String userSourceId, String path, ObjectType referencedType, String referencedSourceId,
            String operationId, String changeId, String sourceDisplayName, Instant sourceChangedAt) {

        /** The key of the user's operations (a second pass runs in their order). */
        public String userKey() {
            return OperationKeys.of(ObjectType.USER, userSourceId);
        }

        String referencedKey() {
            return OperationKeys.of(referencedType, referencedSourceId);
        }

        /** The upsert that left the reference out, as much of it as its log entry needs. */
        public ProvisioningOperation asOperation() {
            return ProvisioningOperation.newBuilder().setOperationId(operationId).setChangeId(changeId)
                    .setObjectType(ObjectType.USER).setSourceId(userSourceId).setSourceDisplayName(sourceDisplayName)
                    .setAction(OperationAction.UPSERT_USER)
                    .setSourceChangedAt(sourceChangedAt == null ? Instant.EPOCH : sourceChangedAt)
                    .setEmittedAt(sourceChangedAt == null ? Instant.EPOCH : sourceChangedAt).build();
        }
    }

    private final int capacity;
    /** By user and path ({@link #slot}), oldest first. */
    private final LinkedHashMap<String, Pending> bySlot = new LinkedHashMap<>();
    /** Slots waiting for each referenced object's key. */
    private final Map<String, Set<String>> byReferenced = new HashMap<>();
    /** Slots of each user. */
    private final Map<String, Set<String>> byUser = new HashMap<>();
    private long dropped;

    public PendingReferences() {
        this(DEFAULT_CAPACITY);
    }

    public PendingReferences(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 (keep none) or more: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The user's reference was left out by this upsert; replaces what an older upsert left out for the same path. */
    synchronized void leftOut(ProvisioningOperation op, ReferenceAttribute reference) {
        if (capacity == 0) {
            dropped++;
            return;
        }
        Pending pending = new Pending(op.getSourceId(), reference.getPath(), reference.getObjectType(), reference.getSourceId(),
                op.getOperationId(), op.getChangeId(), op.getSourceDisplayName(), op.getSourceChangedAt());
        String slot = slot(pending.userSourceId(), pending.path());
        remove(slot);
        bySlot.put(slot, pending);
        byReferenced.computeIfAbsent(pending.referencedKey(), k -> new LinkedHashSet<>()).add(slot);
        byUser.computeIfAbsent(pending.userSourceId(), k -> new LinkedHashSet<>()).add(slot);
        while (bySlot.size() > capacity) {
            Iterator<String> oldest = bySlot.keySet().iterator();
            remove(oldest.next());
            dropped++;
        }
    }

    /** A newer operation of the user runs: what older ones left out no longer applies (it says again what it leaves out). */
    synchronized void forget(String userSourceId) {
        Set<String> slots = byUser.get(userSourceId);
        if (slots != null) {
            List.copyOf(slots).forEach(this::remove);
        }
    }

    /** Takes back what {@link #leftOut} kept for this user and path (it could be resolved after all). */
    synchronized void withdraw(String userSourceId, String path) {
        remove(slot(userSourceId, path));
    }

    /** The references waiting for this object (left in place: {@link #take} claims one). */
    public synchronized List<Pending> waitingOn(ObjectType type, String sourceId) {
        Set<String> slots = byReferenced.get(OperationKeys.of(type, sourceId));
        if (slots == null) {
            return List.of();
        }
        List<Pending> result = new ArrayList<>(slots.size());
        for (String slot : slots) {
            result.add(bySlot.get(slot));
        }
        return result;
    }

    /** Claims the entry for a second pass: false when a newer operation replaced or dropped it meanwhile. */
    synchronized boolean take(Pending pending) {
        String slot = slot(pending.userSourceId(), pending.path());
        if (!pending.equals(bySlot.get(slot))) {
            return false;
        }
        remove(slot);
        return true;
    }

    public synchronized int size() {
        return bySlot.size();
    }

    /** Entries dropped because the capacity was reached (their users wait for their next upsert). */
    public synchronized long dropped() {
        return dropped;
    }

    private void remove(String slot) {
        Pending old = bySlot.remove(slot);
        if (old == null) {
            return;
        }
        unindex(byReferenced, old.referencedKey(), slot);
        unindex(byUser, old.userSourceId(), slot);
    }

    private static void unindex(Map<String, Set<String>> index, String key, String slot) {
        Set<String> slots = index.get(key);
        if (slots != null) {
            slots.remove(slot);
            if (slots.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static String slot(String userSourceId, String path) {
        return userSourceId + '\u0000' + path.toLowerCase(Locale.ROOT);
    }
}

package io.scimflow.sink.reconcile;

import io.scimflow.sink.target.TargetCapabilities;

/**
 * What the rules share across operations: the target's capabilities, the links, the caches
 * of the target's users and groups, and the references left out until their objects are
 * provisioned. Thread-safe (its parts are).
 */
public record ReconcileContext(TargetCapabilities capabilities, LinkRegistry links, UserSnapshot users,
        GroupDirectory groups, PendingReferences references) {

    /** With its own store of pending references (nothing runs their second pass unless it is handed out). */
    public ReconcileContext(TargetCapabilities capabilities, LinkRegistry links, UserSnapshot users, GroupDirectory groups) {
        this(capabilities, links, users, groups, new PendingReferences());
    }
}

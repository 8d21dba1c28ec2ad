package io.scimflow.sink.reconcile;

import io.scimflow.sink.target.TargetCapabilities;

/**
 * What the rules share across operations: the target's capabilities, the links and the caches
 * of the target's users and groups. Thread-safe (its parts are).
 */
public record ReconcileContext(TargetCapabilities capabilities, LinkRegistry links, UserSnapshot users,
        GroupDirectory groups) {
}

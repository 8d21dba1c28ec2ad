package io.scimflow.sink.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a create request did: created the resource, or found that it already exists (409, or
 * Miro's 400 "not unique").
 *
 * @param created the created resource (with its id), null when it already existed
 * @param conflictDetail the server's detail when it already existed
 * @param conflict the target's refusal, thrown when no existing object can be found after all
 *        (a 409 may also be a business rule, e.g. Miro's "not whitelisted")
 */
public record CreateResult(ObjectNode created, String conflictDetail, RuntimeException conflict) {

    public static CreateResult created(ObjectNode resource) {
        return new CreateResult(resource, null, null);
    }

    public static CreateResult alreadyExists(String detail, RuntimeException conflict) {
        return new CreateResult(null, detail == null ? "already exists" : detail, conflict);
    }

    public boolean alreadyExists() {
        return created == null;
    }
}

package io.scimflow.sink.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a create request did: created the resource, or found that it already exists (409, or
 * Miro's 400 "not unique").
 *
 * @param created the created resource (with its id), null when it already existed
 * @param conflictDetail the server's detail when it already existed
 */
public record CreateResult(ObjectNode created, String conflictDetail) {

    public static CreateResult created(ObjectNode resource) {
        return new CreateResult(resource, null);
    }

    public static CreateResult alreadyExists(String detail) {
        return new CreateResult(null, detail == null ? "already exists" : detail);
    }

    public boolean alreadyExists() {
        return created == null;
    }
}

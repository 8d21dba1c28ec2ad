package io.scimflow.rules.mapping;

import io.scimflow.rules.source.ObjectType;

/**
 * A target attribute that refers to another object by its SOURCE id; only the sink knows
 * the target id and resolves it.
 *
 * @param path the SCIM path, e.g. the enterprise extension's {@code manager}
 * @param objectType the referenced object's type
 * @param sourceId the referenced object's source id
 * @param applyOn always, or only on create
 */
public record ReferenceValue(String path, ObjectType objectType, String sourceId, ApplyOn applyOn) {

}

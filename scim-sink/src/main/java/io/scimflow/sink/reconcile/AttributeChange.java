package io.scimflow.sink.reconcile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attribute to change on the target.
 *
 * @param path SCIM path as the operation names it
 * @param oldValue the target's current value, null when absent
 * @param newValue the desired value; null removes the attribute
 */
public record AttributeChange(String path, JsonNode oldValue, JsonNode newValue) {

    public boolean isRemoval() {
        return newValue == null || newValue.isNull();
    }
}

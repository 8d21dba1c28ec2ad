package io.scimflow.sink.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful SCIM answer.
 *
 * @param status HTTP status (2xx)
 * @param body parsed body, or null when empty
 */
public record ScimResponse(int status, JsonNode body) {
}

package io.scimflow.miroserver.journal;

import java.time.Instant;

/**
 * One request the server answered.
 *
 * @param timestamp when the request arrived
 * @param method HTTP method
 * @param path request path, e.g. {@code /api/v1/scim/Users/123}
 * @param query raw query string, or null
 * @param endpoint the endpoint template, e.g. {@code PATCH /Groups/{id}}, or {@code OTHER}
 * @param requestBody request body as text, or null (empty, or body capture off)
 * @param status HTTP status sent
 * @param responseBody response body as text, or null (empty, or body capture off)
 */
public record JournalEntry(Instant timestamp, String method, String path, String query, String endpoint,
		String requestBody, int status, String responseBody) {

}

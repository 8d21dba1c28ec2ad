package io.scimflow.cli.onoff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls one sink instance's admin API ({@code /admin/pause}, {@code /admin/resume},
 * {@code /admin/status}, {@code /admin/allow-deletes}, {@code /admin/discard-deletes}).
 */
final class SinkAdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    SinkAdminClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The instance's status after the call. */
    record Answer(URI instance, JsonNode status) {

        boolean paused() {
            return status.path("paused").asBoolean(false);
        }

        String describe() {
            boolean held = status.path("deletionsHeld").asBoolean(false);
            String decision = status.path("deletionsDecision").asText("");
            return String.format("%-28s provisioning %-3s paused=%s quarantined=%s%s deletionsHeld=%s%s inFlight=%d lag=%d partitions=%d drained=%s",
                    instance, paused() ? "OFF" : "ON", paused(), status.path("quarantined").asBoolean(false),
                    status.path("quarantined").asBoolean(false) ? " (" + status.path("quarantineReason").asText("") + ")" : "",
                    held, held ? " (" + status.path("heldReason").asText("") + ")" : decision.isEmpty() ? "" : " (decided: " + decision + ")",
                    status.path("inFlight").asInt(), status.path("lag").asLong(), status.path("assignedPartitions").asInt(),
                    status.path("drained").asBoolean(false));
        }
    }

    /** POSTs to {@code /admin/<verb>} (or GETs {@code /admin/status}); throws with a readable reason when it fails. */
    Answer call(URI instance, String verb) {
        URI uri = URI.create(instance + "/admin/" + verb);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        request = verb.equals("status") ? request.GET() : request.POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the sink at " + instance + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + "); is it running, and is this its admin port (server.port, default 8083)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + uri);
        }
        if (response.statusCode() == 404) {
            throw new IllegalStateException(uri + " answered 404: this is not a scim-sink admin API (wrong port?)");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        try {
            JsonNode status = JSON.readTree(response.body());
            if (status == null || !status.has("paused")) {
                throw new IllegalStateException(uri + " answered without a sink status: " + abbreviate(response.body()));
            }
            return new Answer(instance, status);
        } catch (IOException e) {
            throw new IllegalStateException(uri + " answered something that is not JSON: " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

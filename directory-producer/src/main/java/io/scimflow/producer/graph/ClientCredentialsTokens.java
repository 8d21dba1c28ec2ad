package io.scimflow.producer.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OAuth 2.0 client credentials grant against the Microsoft identity platform
 * ({@code POST <authority>/<tenant>/oauth2/v2.0/token}, scope {@code <graph>/.default}).
 * The token is cached until a minute before it expires. The client secret never leaves
 * this class except in the form body sent to the token endpoint.
 */
final class ClientCredentialsTokens {

    private final HttpClient http;
    private final GraphSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsTokens(HttpClient http, GraphSettings settings, ObjectMapper json, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token (after a 401). */
    synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(settings.clientId())
                + "&client_secret=" + encode(settings.clientSecret())
                + "&scope=" + encode(settings.scope());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GraphException("Cannot reach the token endpoint " + settings.tokenUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("Interrupted while getting a token", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            String error = body == null ? null : body.path("error").asText(null);
            String description = body == null ? response.body() : body.path("error_description").asText("");
            throw new GraphException(response.statusCode(), error, "The token endpoint " + settings.tokenUrl()
                    + " refused client " + settings.clientId() + " (HTTP " + response.statusCode() + ", " + error + "): "
                    + firstLine(description));
        }
        token = body.get("access_token").asText();
        long expiresIn = body.path("expires_in").asLong(3600);
        Duration margin = Duration.ofSeconds(Math.min(60, expiresIn / 2));
        refreshAt = clock.instant().plusSeconds(expiresIn).minus(margin);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

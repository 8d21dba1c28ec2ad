package io.scimflow.producer.graph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to Microsoft Graph with a bearer token: retries 429 and 5xx answers (waiting
 * Retry-After when given, else exponential backoff with jitter) and I/O errors, renews the
 * token once on 401, reports an expired delta token as {@link DeltaTokenExpiredException},
 * and follows {@code @odata.nextLink} for paged collections.
 */
public final class GraphClient {

    private static final Logger log = LoggerFactory.getLogger(GraphClient.class);
    private static final Set<String> EXPIRED_CODES = Set.of("syncStateNotFound", "resyncRequired", "SyncStateNotFound");

    /** Waits between retries; tests and the app use the real clock. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final GraphSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final ClientCredentialsTokens tokens;
    private final Sleeper sleeper;

    public GraphClient(GraphSettings settings, Clock clock) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build(), settings, clock, d -> Thread.sleep(d.toMillis()));
    }

    GraphClient(HttpClient http, GraphSettings settings, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.tokens = new ClientCredentialsTokens(http, settings, json, clock);
        this.sleeper = sleeper;
    }

    /** The URL of a Graph path, e.g. {@code /users/delta}. */
    public String url(String path) {
        return settings.graphUrl() + path;
    }

    /** Reads every page of a collection, giving each page to {@code page}; returns the last page. */
    public JsonNode getAllPages(String url, Consumer<JsonNode> page) {
        String next = url;
        JsonNode last = null;
        while (next != null) {
            last = get(next);
            page.accept(last);
            next = last.path("@odata.nextLink").asText(null);
        }
        return last;
    }

    public JsonNode get(String url) {
        boolean renewedToken = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(settings.requestTimeout())
                        .header("Authorization", "Bearer " + tokens.token())
                        .header("Accept", "application/json")
                        .GET().build();
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw new GraphException("GET " + describe(url) + " failed after " + attempt + " attempts: " + e, e);
                }
                pause(backoff(attempt, null), "GET " + describe(url) + " failed (" + e + ")", attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException("Interrupted during GET " + describe(url), e);
            }
            int status = response.statusCode();
            if (status == 200) {
                return parse(url, response.body());
            }
            JsonNode error = parseQuietly(response.body()).path("error");
            String code = error.path("code").asText(null);
            String message = error.path("message").asText("");
            if (status == 410 || EXPIRED_CODES.contains(code)) {
                throw new DeltaTokenExpiredException(status, code, "Graph says the delta token of " + describe(url)
                        + " is no longer valid (HTTP " + status + (code == null ? "" : ", " + code) + "): a full resync is needed");
            }
            if (status == 401 && !renewedToken) {
                tokens.invalidate();
                renewedToken = true;
                attempt--;
                continue;
            }
            if ((status == 429 || status >= 500) && attempt < settings.maxAttempts()) {
                pause(backoff(attempt, response.headers().firstValue("Retry-After").orElse(null)),
                        "GET " + describe(url) + " answered " + status, attempt);
                continue;
            }
            throw new GraphException(status, code, "GET " + describe(url) + " failed with HTTP " + status
                    + (code == null ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message)
                    + (status == 429 || status >= 500 ? " (after " + attempt + " attempts)" : ""));
        }
    }

    private void pause(Duration delay, String why, int attempt) {
        log.warn("{}; retrying in {} ms (attempt {} of {})", why, delay.toMillis(), attempt + 1, settings.maxAttempts());
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("Interrupted while waiting to retry", e);
        }
    }

    /** Retry-After (seconds or an HTTP date) when given, else initial * 2^(attempt-1) with full jitter in [50%, 100%]. */
    Duration backoff(int attempt, String retryAfter) {
        Duration max = settings.maxBackoff();
        if (retryAfter != null) {
            Duration wait = parseRetryAfter(retryAfter.trim());
            if (wait != null) {
                return wait.compareTo(max) > 0 ? max : wait;
            }
        }
        long base = settings.initialBackoff().toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(base, max.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private JsonNode parse(String url, String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new GraphException(200, null, "GET " + describe(url) + " returned a body that is not JSON: " + e.getMessage());
        }
    }

    private JsonNode parseQuietly(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** The URL without query tokens (delta and skip tokens are long and say nothing). */
    static String describe(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}

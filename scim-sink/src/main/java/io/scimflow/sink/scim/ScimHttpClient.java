package io.scimflow.sink.scim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimflow.sink.ratelimit.Endpoint;
import io.scimflow.sink.ratelimit.RateBudget;
import io.scimflow.sink.ratelimit.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SCIM requests over {@code java.net.http}: bearer token, {@code application/scim+json},
 * TLS verification as the JDK does it, connect and request timeouts. Each request first waits
 * for its endpoint's rate budget. A 429 is retried without limit, always after waiting
 * (Retry-After, else back-off with jitter); 5xx answers and timeouts are retried up to the
 * policy's attempts; 401/403 throw {@link CredentialsRejectedException}; other 4xx throw
 * {@link ScimCallException} at once. Thread-safe.
 */
public final class ScimHttpClient {

    public static final String SCIM_JSON = "application/scim+json";
    private static final Logger log = LoggerFactory.getLogger(ScimHttpClient.class);

    private final URI baseUrl;
    private final TokenSource token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RateBudget budget;
    private final RetryPolicy retry;
    private final ScimCallListener listener;
    private final ObjectMapper json = JsonUtils.createObjectMapper();
    private final RandomGenerator random = RandomGenerator.getDefault();

    public ScimHttpClient(URI baseUrl, TokenSource token, Duration connectTimeout, Duration requestTimeout,
            RateBudget budget, RetryPolicy retry, ScimCallListener listener) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.budget = budget;
        this.retry = retry;
        this.listener = listener;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public TokenSource token() {
        return token;
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * Sends one request (retrying as described above).
     *
     * @param path path below the base URL with its query, e.g. {@code /Users?filter=...}
     * @param body JSON body or null
     */
    public ScimResponse send(String method, String path, JsonNode body, RequestTally tally) {
        byte[] bytes = body == null ? null : write(body);
        Endpoint endpoint = Endpoint.of(method, path, bytes == null ? 0 : bytes.length);
        int failures = 0;
        int rateLimited = 0;
        while (true) {
            RateBudget.Permit permit = acquire(endpoint);
            tally.increment();
            long started = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                try {
                    response = http.send(request(method, path, bytes), HttpResponse.BodyHandlers.ofByteArray());
                } finally {
                    budget.answered(permit); // answered or failed: the slot's window starts now
                }
            } catch (IOException e) {
                listener.answered(endpoint, 0, Duration.ofNanos(System.nanoTime() - started));
                failures++;
                String reason = describe(e);
                if (failures >= retry.maxAttempts()) {
                    throw new ScimTransportException(method + " " + path + " failed " + failures + " time(s): " + reason, e);
                }
                pause(endpoint, failures, reason, retry.backoff(failures, random));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScimTransportException(method + " " + path + " interrupted", e);
            }
            int status = response.statusCode();
            listener.answered(endpoint, status, Duration.ofNanos(System.nanoTime() - started));
            if (status >= 200 && status < 300) {
                return new ScimResponse(status, parse(response.body()));
            }
            if (status == 429) {
                rateLimited++;
                Duration retryAfter = retryAfter(response);
                Duration wait = retry.rateLimitWait(rateLimited, retryAfter, random);
                budget.holdBack(endpoint, wait);
                listener.rateLimited(endpoint, wait);
                log.debug("{} {} answered 429; will retry in {} ms", method, path, wait.toMillis());
                continue;
            }
            ScimException error = toScimException(status, response);
            if (status == 401 || status == 403) {
                throw new CredentialsRejectedException(status, method + " " + path + " answered " + status + ": "
                        + error.getScimError().getDetail());
            }
            if (status >= 500 || status == 408) {
                failures++;
                if (failures >= retry.maxAttempts()) {
                    throw new ScimCallException(endpoint, method, path, error, null);
                }
                pause(endpoint, failures, "HTTP " + status, retry.backoff(failures, random));
                continue;
            }
            throw new ScimCallException(endpoint, method, path, error, retryAfter(response));
        }
    }

    private HttpRequest request(String method, String path, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout)
                .header("Accept", SCIM_JSON).header("Authorization", "Bearer " + token.current());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", SCIM_JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return builder.build();
    }

    private RateBudget.Permit acquire(Endpoint endpoint) {
        try {
            RateBudget.Permit permit = budget.acquire(endpoint);
            if (!permit.waited().isZero()) {
                listener.throttled(endpoint, permit.waited());
            }
            return permit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScimTransportException("interrupted while waiting for the rate budget of " + endpoint.label(), e);
        }
    }

    private void pause(Endpoint endpoint, int attempt, String reason, Duration wait) {
        listener.retrying(endpoint, attempt, reason, wait);
        log.debug("{}: {}; will retry in {} ms (attempt {}/{})", endpoint.label(), reason, wait.toMillis(), attempt + 1,
                retry.maxAttempts());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScimTransportException("interrupted while waiting to retry " + endpoint.label(), e);
        }
    }

    /** Status mapped to the SDK's exception type; the reason phrase when the body is not a SCIM error. */
    private ScimException toScimException(int status, HttpResponse<byte[]> response) {
        ErrorResponse error = null;
        try {
            JsonNode body = parse(response.body());
            if (body != null && body.has("schemas")) {
                JsonNode statusNode = body.get("status");
                error = new ErrorResponse(statusNode != null && statusNode.canConvertToInt() ? statusNode.asInt() : status);
                if (body.hasNonNull("scimType")) {
                    error.setScimType(body.get("scimType").asText());
                }
                if (body.hasNonNull("detail")) {
                    error.setDetail(body.get("detail").asText());
                }
                if (error.getStatus() != status) {
                    error = null;
                }
            }
        } catch (RuntimeException ignored) {
            error = null;
        }
        if (error == null) {
            error = new ErrorResponse(status);
            error.setDetail("HTTP " + status + " with a body that is not a SCIM error" + preview(response.body()));
        }
        return ScimException.createException(error, null);
    }

    private static String preview(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return ": " + text;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.get().trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ScimTransportException("answer is not JSON" + preview(body), e);
        }
    }

    private byte[] write(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Text for a request that got no answer. */
    static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out (" + e.getMessage() + ")";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failure: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

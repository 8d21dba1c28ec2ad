package io.scimflow.sink.scim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimflow.sink.ratelimit.Endpoint;
import io.scimflow.sink.ratelimit.RateBudget;
import io.scimflow.sink.ratelimit.RetryPolicy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SCIM requests over Apache HttpClient 5's minimal classic (blocking) client with a pool
 * of kept-alive connections as large as the number of threads that send (the sink's
 * concurrency): bearer token, {@code application/scim+json}, TLS verification as the JDK does it
 * (its default {@link SSLContext}), connect and response timeouts, no proxy, no redirects, no
 * automatic retries, no cookies, no compression. Blocking calls on the caller's thread cost far less CPU than
 * {@code java.net.http}'s selector and worker threads (see the module README). Each request first waits
 * for its endpoint's rate budget. A 429 is retried without limit, always after waiting
 * (Retry-After, else back-off with jitter); 5xx answers and timeouts are retried up to the
 * policy's attempts; 401/403 throw {@link CredentialsRejectedException}; other 4xx throw
 * {@link ScimCallException} at once. Thread-safe.
 */
public final class ScimHttpClient implements AutoCloseable {

    public static final String SCIM_JSON = "application/scim+json";
    /**
     * Apache HttpClient's loggers that write request headers (the bearer token) and raw bytes at
     * DEBUG: the app pins them at WARN so that a DEBUG level on {@code org.apache.hc} stays safe.
     */
    public static final List<String> SECRET_BEARING_LOGGERS = List.of("org.apache.hc.client5.http.headers",
            "org.apache.hc.client5.http.wire");
    private static final ContentType SCIM_JSON_TYPE = ContentType.create(SCIM_JSON);
    private static final Logger log = LoggerFactory.getLogger(ScimHttpClient.class);

    private final URI baseUrl;
    private final HttpHost host;
    private final String basePath;
    private final TokenSource token;
    private final CloseableHttpClient http;
    private final RequestConfig requestConfig;
    private final RateBudget budget;
    private final RetryPolicy retry;
    private final ScimCallListener listener;
    private final ObjectMapper json = JsonUtils.createObjectMapper();
    private final RandomGenerator random = RandomGenerator.getDefault();

    /**
     * @param connectTimeout  time to open a connection (TCP and TLS handshake)
     * @param requestTimeout  longest wait for the answer, as a socket read timeout (no byte for this long)
     * @param maxConnections  size of the connection pool: at least the number of threads that send
     *                        at the same time, else they queue for a connection
     */
    public ScimHttpClient(URI baseUrl, TokenSource token, Duration connectTimeout, Duration requestTimeout,
            int maxConnections, RateBudget budget, RetryPolicy retry, ScimCallListener listener) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.host = HttpHost.create(this.baseUrl);
        this.basePath = this.baseUrl.getRawPath() == null ? "" : this.baseUrl.getRawPath();
        this.token = token;
        this.budget = budget;
        this.retry = retry;
        this.listener = listener;
        this.http = build(connectTimeout, requestTimeout, maxConnections);
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(requestTimeout)).build();
    }

    private static CloseableHttpClient build(Duration connectTimeout, Duration requestTimeout, int maxConnections) {
        SSLContext tls;
        try {
            tls = SSLContext.getDefault(); // the JDK's trust store and system properties, as java.net.http uses
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(requestTimeout))
                // A connection idle for a while may have been closed by the server: check it before reuse.
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
        // The minimal client: one exchange on a pooled connection, without the chain of redirect,
        // retry, cookie, authentication, proxy and compression handlers that the sink turns off anyway.
        return HttpClients.createMinimal(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                // One route (the target): the lax pool leases without the strict pool's global lock.
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(connections)
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                .build());
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
            Answer response;
            try {
                try {
                    response = http.execute(host, request(method, path, bytes), context(), ScimHttpClient::answer);
                } finally {
                    budget.answered(permit); // answered or failed: the slot's window starts now
                }
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ScimTransportException(method + " " + path + " interrupted", e);
                }
                listener.answered(endpoint, 0, Duration.ofNanos(System.nanoTime() - started));
                failures++;
                String reason = describe(e);
                if (failures >= retry.maxAttempts()) {
                    throw new ScimTransportException(method + " " + path + " failed " + failures + " time(s): " + reason, e);
                }
                pause(endpoint, failures, reason, retry.backoff(failures, random));
                continue;
            }
            int status = response.status();
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

    /** The path (already encoded by the caller) goes into the request line as it is: no URI parsing per request. */
    private ClassicHttpRequest request(String method, String path, byte[] body) {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, host, basePath + path);
        request.setHeader("Accept", SCIM_JSON);
        request.setHeader("Authorization", "Bearer " + token.current());
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, SCIM_JSON_TYPE)); // sets Content-Type and Content-Length
        }
        return request;
    }

    /** A context per exchange (the minimal client writes the request and route into it). */
    private HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig);
        return context;
    }

    /** What the sender needs from an answer; the body is read whole so the connection goes back to the pool. */
    private record Answer(int status, byte[] body, String retryAfter) {
    }

    private static Answer answer(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? null : EntityUtils.toByteArray(entity);
        Header retryAfter = response.getFirstHeader("Retry-After");
        return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
    }

    /** Closes the pooled connections; requests still in flight fail. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
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
    private ScimException toScimException(int status, Answer response) {
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

    private static Duration retryAfter(Answer response) {
        String header = response.retryAfter();
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
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

    /**
     * Text for a request that got no answer. Covers both clients: Apache's connect and read
     * timeouts are {@link SocketTimeoutException}s, its refused connection a {@link ConnectException}.
     */
    static String describe(IOException e) {
        if (isTimeout(e)) {
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

    /** True for a timeout of either client: java.net.http's, a socket connect/read timeout, or waiting for a pooled connection. */
    public static boolean isTimeout(Throwable e) {
        return e instanceof HttpTimeoutException || e instanceof SocketTimeoutException
                || e instanceof ConnectionRequestTimeoutException;
    }
}

package io.scimflow.sink.scim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a base URL and token the way Entra's "Test connection" does: a filter query for a
 * random userName must answer 200 with an empty SCIM ListResponse. Each failure says what is
 * wrong. Stateless; no retries.
 */
public final class ConnectionTester {

    /** What is wrong, or OK. */
    public enum Problem {
        OK, BAD_URL, UNKNOWN_HOST, CONNECTION_FAILED, TIMEOUT, TLS, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMITED,
        SERVER_ERROR, NOT_SCIM, UNEXPECTED_STATUS, NOT_EMPTY
    }

    /** The result: {@code problem} OK means the connection works. */
    public record Result(Problem problem, Integer httpStatus, String message) {

        public boolean ok() {
            return problem == Problem.OK;
        }

        @Override
        public String toString() {
            return (ok() ? "OK: " : "FAILED (" + problem + "): ") + message;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout;

    public ConnectionTester(Duration timeout) {
        this.timeout = timeout;
    }

    public Result test(String baseUrl, String token) {
        URI uri;
        String probe = "scimflow-test-" + UUID.randomUUID();
        try {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            String filter = URLEncoder.encode("userName eq \"" + probe + "\"", StandardCharsets.UTF_8).replace("+", "%20");
            uri = URI.create(base + "/Users?filter=" + filter);
            if (uri.getHost() == null) {
                return new Result(Problem.BAD_URL, null, "the base URL '" + baseUrl + "' has no host");
            }
        } catch (IllegalArgumentException e) {
            return new Result(Problem.BAD_URL, null, "the base URL '" + baseUrl + "' is not a URL: " + e.getMessage());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", ScimHttpClient.SCIM_JSON)
                    .header("Authorization", "Bearer " + token).GET().build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (UnknownHostException e) {
            return new Result(Problem.UNKNOWN_HOST, null, "cannot resolve host " + uri.getHost() + " (DNS)");
        } catch (HttpConnectTimeoutException e) {
            return new Result(Problem.TIMEOUT, null, "connecting to " + hostPort(uri) + " timed out after " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException || (e.getMessage() == null && cause == null)) {
                return new Result(Problem.UNKNOWN_HOST, null, "cannot resolve or reach host " + uri.getHost());
            }
            return new Result(Problem.CONNECTION_FAILED, null, "cannot connect to " + hostPort(uri) + ": "
                    + (e.getMessage() != null ? e.getMessage() : String.valueOf(cause)));
        } catch (HttpTimeoutException e) {
            return new Result(Problem.TIMEOUT, null, "no answer from " + hostPort(uri) + " within " + timeout.toSeconds() + " s");
        } catch (javax.net.ssl.SSLException e) {
            return new Result(Problem.TLS, null, "TLS handshake with " + hostPort(uri) + " failed (certificate not trusted, "
                    + "wrong host name, or not an HTTPS port): " + e.getMessage());
        } catch (IOException e) {
            return new Result(Problem.CONNECTION_FAILED, null, "request to " + hostPort(uri) + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Problem.CONNECTION_FAILED, null, "interrupted");
        }
        return judge(response);
    }

    private Result judge(HttpResponse<String> response) {
        int status = response.statusCode();
        switch (status) {
            case 401:
                return new Result(Problem.UNAUTHORIZED, status, "the token was rejected (401): generate a new SCIM token and configure it");
            case 403:
                return new Result(Problem.FORBIDDEN, status, "access forbidden (403): SCIM may be turned off for the organisation, "
                        + "or the token lacks rights");
            case 404:
                return new Result(Problem.NOT_FOUND, status, "no /Users endpoint under this base URL (404): check the base path, "
                        + "e.g. https://miro.com/api/v1/scim");
            case 429:
                return new Result(Problem.RATE_LIMITED, status, "rate limited (429): the URL and token look right; try again later");
            default:
                break;
        }
        if (status >= 300 && status < 400) {
            return new Result(Problem.UNEXPECTED_STATUS, status, "redirected (" + status + ") to "
                    + response.headers().firstValue("Location").orElse("?") + ": use the final https URL as the base URL");
        }
        if (status >= 500) {
            return new Result(Problem.SERVER_ERROR, status, "the server failed (" + status + "); try again later");
        }
        if (status != 200) {
            return new Result(Problem.UNEXPECTED_STATUS, status, "expected 200 for a user query, got " + status);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            return new Result(Problem.NOT_SCIM, status, "the answer is not JSON: this URL does not look like a SCIM endpoint");
        }
        boolean listResponse = body != null && body.path("schemas").toString().contains("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        if (!listResponse || !body.has("totalResults")) {
            return new Result(Problem.NOT_SCIM, status, "the answer is not a SCIM ListResponse: this URL does not look like a SCIM endpoint");
        }
        if (body.path("totalResults").asInt(-1) != 0) {
            return new Result(Problem.NOT_EMPTY, status, "a query for a random userName returned " + body.path("totalResults").asInt()
                    + " users: the server ignores filters, which the sink needs to match users");
        }
        return new Result(Problem.OK, status, "the target answers SCIM queries and accepts the token");
    }

    private static String hostPort(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}

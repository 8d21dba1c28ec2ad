package io.scimflow.miroserver.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.discovery.DiscoveryEndpoint;
import io.scimflow.miroserver.groups.GroupEndpoint;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.miroserver.journal.RequestJournal;
import io.scimflow.miroserver.ratelimit.RateBucket;
import io.scimflow.miroserver.ratelimit.RateLimiter;
import io.scimflow.miroserver.scim.ListQuery;
import io.scimflow.miroserver.scim.ScimError;
import io.scimflow.miroserver.scim.ScimJson;
import io.scimflow.miroserver.users.UserEndpoint;

/**
 * The HTTP edge: checks in Miro's order (route, SCIM enabled, bearer token, payload size,
 * media type, method, rate limit), applies the test knobs (latency, injected failures,
 * held-back answers), dispatches to the endpoints, writes SCIM error bodies and journals
 * every request. Thread-safe.
 */
public final class ScimHttpHandler implements HttpHandler {

	private static final System.Logger LOG = System.getLogger(ScimHttpHandler.class.getName());

	private static final String SCIM_JSON = "application/scim+json;charset=UTF-8";

	private static final String MIRO_405_BODY = "{\"error\":{\"message\":\"Endpoint is found, but this method is not allowed\","
			+ "\"reason\":\"methodNotAllowed\",\"code\":405}}";

	private final Supplier<MiroServerSettings> settings;

	private final Supplier<RateLimiter> rateLimiter;

	private final UserEndpoint users;

	private final GroupEndpoint groups;

	private final DiscoveryEndpoint discovery;

	private final RequestJournal journal;

	public ScimHttpHandler(Supplier<MiroServerSettings> settings, Supplier<RateLimiter> rateLimiter, UserEndpoint users,
			GroupEndpoint groups, DiscoveryEndpoint discovery, RequestJournal journal) {
		this.settings = settings;
		this.rateLimiter = rateLimiter;
		this.users = users;
		this.groups = groups;
		this.discovery = discovery;
		this.journal = journal;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		MiroServerSettings config = this.settings.get();
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		Route route = Route.resolve(method, path);
		Answer answer;
		byte[] body = new byte[0];
		try {
			body = readBody(exchange.getRequestBody(), config.maxPayloadBytes());
			sleep(config.addedLatency());
			answer = process(exchange, config, method, route, query, body);
		}
		catch (ScimError ex) {
			answer = error(ex, config);
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.ERROR, "Unexpected error answering " + method + " " + path, ex);
			answer = error(new ScimError(500, null, "Unexpected error: " + ex), config);
		}
		// Journal before answering, so a client that has its answer always finds the entry.
		boolean bodies = config.journalBodies();
		this.journal.record(new JournalEntry(arrived, method, path, query, route.endpoint(),
				(bodies && body.length > 0) ? new String(body, StandardCharsets.UTF_8) : null, answer.status(),
				(bodies && answer.body().length > 0) ? new String(answer.body(), StandardCharsets.UTF_8) : null),
				config.journalEnabled());
		if (config.timeoutRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.timeoutRate()) {
			sleep(config.timeoutDelay());
		}
		try {
			send(exchange, answer);
		}
		catch (IOException ex) {
			LOG.log(System.Logger.Level.DEBUG, "Client went away before the answer to " + method + " " + path);
		}
		finally {
			exchange.close();
		}
	}

	private Answer process(HttpExchange exchange, MiroServerSettings config, String method, Route route, String query,
			byte[] body) {
		if (route.resource() == Route.Resource.UNKNOWN) {
			throw ScimError.notFound("Endpoint " + exchange.getRequestURI().getRawPath() + " not found");
		}
		if (!config.scimEnabled()) {
			throw new ScimError(403, null, "SCIM integration is disabled for the organization");
		}
		checkToken(exchange.getRequestHeaders().getFirst("Authorization"), config);
		if (body.length > config.maxPayloadBytes()) {
			throw ScimError.payloadTooLarge("Payload is larger than " + config.maxPayloadBytes() + " bytes");
		}
		if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
			checkMediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
		}
		Operation operation = operation(method, route, body.length, config);
		if (config.rateLimitsEnabled() && operation.bucket() != null) {
			long waitNanos = this.rateLimiter.get().tryAcquire(operation.bucket());
			if (waitNanos > 0) {
				return tooManyRequests(waitNanos, config);
			}
		}
		if (config.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.failureRate()) {
			throw new ScimError(500, null, "Injected failure (failureRate=" + config.failureRate() + ")");
		}
		ListQuery params = ListQuery.parse(queryParameters(query), config.defaultPageSize(), config.maxPageSize());
		return operation.action().run(params, body);
	}

	/** The action for a method on a route, with its rate bucket; 405 for what Miro does not allow. */
	private Operation operation(String method, Route route, int bodyLength, MiroServerSettings config) {
		String id = route.id();
		switch (route.resource()) {
			case USERS:
				if (id == null) {
					if (method.equals("GET")) {
						return new Operation(RateBucket.USERS_LIST, (q, b) -> ok(this.users.list(q)));
					}
					if (method.equals("POST")) {
						return new Operation(RateBucket.USERS_CREATE,
								(q, b) -> created(q.projection().apply(this.users.create(ScimJson.parseObject(b)))));
					}
					break;
				}
				return switch (method) {
					case "GET" -> new Operation(RateBucket.USERS_GET, (q, b) -> ok(this.users.get(id, q.projection())));
					case "PUT" -> new Operation(RateBucket.USERS_REPLACE,
							(q, b) -> ok(this.users.replace(id, ScimJson.parseObject(b), q.projection())));
					case "PATCH" -> new Operation(RateBucket.USERS_PATCH,
							(q, b) -> ok(this.users.patch(id, ScimJson.parseObject(b), q.projection())));
					case "DELETE" -> new Operation(RateBucket.USERS_DELETE, (q, b) -> {
						this.users.delete(id);
						return Answer.noContent();
					});
					default -> throw ScimError.methodNotAllowed(method + " is not allowed on /Users/{id}");
				};
			case GROUPS:
				if (id == null) {
					if (method.equals("GET")) {
						return new Operation(RateBucket.GROUPS_LIST, (q, b) -> ok(this.groups.list(q)));
					}
					if (method.equals("POST")) {
						return new Operation(null,
								(q, b) -> created(q.projection().apply(this.groups.create(ScimJson.parseObject(b)))));
					}
					break;
				}
				return switch (method) {
					case "GET" -> new Operation(RateBucket.GROUPS_GET, (q, b) -> ok(this.groups.get(id, q.projection())));
					case "PATCH" -> new Operation(
							(bodyLength < config.cheapGroupPatchBytes()) ? RateBucket.GROUPS_PATCH_CHEAP
									: RateBucket.GROUPS_PATCH_EXPENSIVE,
							(q, b) -> ok(this.groups.patch(id, ScimJson.parseObject(b), b.length, q.projection())));
					case "DELETE" -> new Operation(null, (q, b) -> {
						this.groups.delete(id);
						return Answer.noContent();
					});
					default -> throw ScimError.methodNotAllowed(method + " is not allowed on /Groups/{id}");
				};
			case SERVICE_PROVIDER_CONFIG:
				if (method.equals("GET") && id == null) {
					return new Operation(null, (q, b) -> ok(this.discovery.serviceProviderConfig()));
				}
				break;
			case RESOURCE_TYPES:
				if (method.equals("GET")) {
					return new Operation(null, (q, b) -> ok(
							(id == null) ? this.discovery.resourceTypes() : this.discovery.resourceType(decode(id))));
				}
				break;
			case SCHEMAS:
				if (method.equals("GET")) {
					return new Operation(null,
							(q, b) -> ok((id == null) ? this.discovery.schemas() : this.discovery.schema(decode(id))));
				}
				break;
			default:
				break;
		}
		throw ScimError.methodNotAllowed(method + " is not allowed on " + route.endpoint().substring(method.length() + 1));
	}

	private static void checkToken(String authorization, MiroServerSettings config) {
		String expected = config.token();
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| !authorization.substring(7).trim().equals(expected)) {
			throw new ScimError(401, null, "Cannot authorize the organization: invalid or missing bearer token");
		}
	}

	private static void checkMediaType(String contentType) {
		String type = (contentType == null) ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		if (!type.equals("application/scim+json") && !type.equals("application/json")) {
			throw new ScimError(415, null, "Unsupported media type '" + contentType
					+ "'; use application/scim+json or application/json");
		}
	}

	private static Answer tooManyRequests(long waitNanos, MiroServerSettings config) {
		Answer answer = error(new ScimError(429, "tooManyRequests",
				"The user has sent too many requests in a given amount of time"), config);
		if (config.retryAfterHeader()) {
			long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
			answer.headers().put("Retry-After", Long.toString(seconds));
		}
		return answer;
	}

	private static Answer ok(ObjectNode body) {
		return new Answer(200, ScimJson.write(body), SCIM_JSON, new HashMap<>());
	}

	private static Answer created(ObjectNode body) {
		Map<String, String> headers = new HashMap<>();
		String location = body.path("meta").path("location").asText(null);
		if (location != null) {
			headers.put("Location", location);
		}
		return new Answer(201, ScimJson.write(body), SCIM_JSON, headers);
	}

	private static Answer error(ScimError error, MiroServerSettings config) {
		if (error.status() == 405 && config.miroStyle405Body()) {
			return new Answer(405, MIRO_405_BODY.getBytes(StandardCharsets.UTF_8), "application/json", new HashMap<>());
		}
		Map<String, String> headers = new HashMap<>();
		if (error.status() == 401) {
			headers.put("WWW-Authenticate", "Bearer");
		}
		return new Answer(error.status(), ScimJson.write(ScimJson.errorBody(error.status(), error.scimType(), error.detail())),
				SCIM_JSON, headers);
	}

	private static void send(HttpExchange exchange, Answer answer) throws IOException {
		answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
		if (answer.body().length == 0) {
			exchange.sendResponseHeaders(answer.status(), -1);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), answer.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer.body());
		}
	}

	/** Reads at most {@code limit + 1} bytes, enough to tell that a body is too large. */
	private static byte[] readBody(InputStream in, int limit) {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) > 0) {
				out.write(buffer, 0, read);
				if (out.size() > limit) {
					in.transferTo(OutputStream.nullOutputStream());
					break;
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw ScimError.badRequest("invalidSyntax", "Cannot read the request body: " + ex.getMessage());
		}
	}

	static Map<String, String> queryParameters(String rawQuery) {
		Map<String, String> params = new HashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String key = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			params.put(key.toLowerCase(Locale.ROOT), value);
		}
		return params;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static void sleep(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What to run for a request, and which rate bucket it spends (null: not limited). */
	private record Operation(RateBucket bucket, Action action) {
	}

	@FunctionalInterface
	private interface Action {

		Answer run(ListQuery params, byte[] body);

	}

	/** An HTTP answer; an empty body sends no Content-Type. */
	record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {

		static Answer noContent() {
			return new Answer(204, new byte[0], null, new HashMap<>());
		}

	}

}

package io.scimflow.miroserver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain java.net.http SCIM client for the tests: sends JSON text, returns status, headers and parsed body. */
final class ScimClient {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String token;

	ScimClient(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	ScimClient(LocalMiroScimServer server) {
		this(server.baseUrl(), server.settings().token());
	}

	ScimClient withToken(String otherToken) {
		return new ScimClient(this.baseUrl, otherToken);
	}

	Reply get(String path) {
		return send("GET", path, null, "application/scim+json");
	}

	Reply post(String path, String json) {
		return send("POST", path, json, "application/scim+json");
	}

	Reply put(String path, String json) {
		return send("PUT", path, json, "application/scim+json");
	}

	Reply patch(String path, String json) {
		return send("PATCH", path, json, "application/json");
	}

	Reply delete(String path) {
		return send("DELETE", path, null, null);
	}

	Reply send(String method, String path, String json, String contentType) {
		return send(method, path, json, contentType, Duration.ofSeconds(30));
	}

	Reply send(String method, String path, String json, String contentType, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(timeout)
			.header("Accept", "application/scim+json")
			.method(method, (json == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String q(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A response: status, raw body and the parsed JSON (null when there is no body). */
	record Reply(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			try {
				return (this.body == null || this.body.isEmpty()) ? null : MAPPER.readTree(this.body);
			}
			catch (IOException ex) {
				throw new AssertionError("Not JSON: " + this.body, ex);
			}
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String id() {
			return json().path("id").asText();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}

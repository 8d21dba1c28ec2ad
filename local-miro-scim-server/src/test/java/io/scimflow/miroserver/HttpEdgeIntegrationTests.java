package io.scimflow.miroserver;

import static io.scimflow.miroserver.UserProtocolIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What happens before a request reaches the rules: auth, SCIM switched off, routes, media
 * types, payload size, rate limits (reference 1, 2.6, 4) and the test knobs.
 */
class HttpEdgeIntegrationTests {

	static LocalMiroScimServer server;

	static ScimClient client;

	@BeforeAll
	static void start() {
		server = LocalMiroScimServer.start(MiroServerSettings.builder().token("edge-token").build());
		client = new ScimClient(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		server.settings(MiroServerSettings.builder().token("edge-token").build());
		server.reset();
	}

	@Nested
	class Access {

		@Test
		void missingOrWrongBearerTokenIs401() {
			assertError(client.withToken(null).get("/Users"), 401, null);
			var wrong = client.withToken("wrong").get("/Users");
			assertError(wrong, 401, null);
			assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(wrong.body()).doesNotContain("edge-token");
			assertThat(client.get("/Users").status()).isEqualTo(200);
		}

		@Test
		void tokenCanBeRotatedOnARunningServer() {
			server.updateSettings((s) -> s.token("rotated"));
			assertError(client.get("/Users"), 401, null);
			assertThat(client.withToken("rotated").get("/Users").status()).isEqualTo(200);
		}

		@Test
		void scimTurnedOffIs403() {
			server.updateSettings((s) -> s.scimEnabled(false));
			assertError(client.get("/Users"), 403, null);
		}

		@Test
		void unknownEndpointsAre404AndWrongMethodsAre405() {
			assertError(client.get("/Bulk"), 404, null);
			assertThat(new ScimClient(server.baseUrl().replace("/api/v1/scim", "/other"), "edge-token").get("/Users")
				.status()).isEqualTo(404);
			assertError(client.delete("/Users"), 405, null);
			assertError(client.post("/Users/123", "{}"), 405, null);
			assertError(client.post("/ServiceProviderConfig", "{}"), 405, null);
		}

		@Test
		void trailingSlashesAreAccepted() {
			assertThat(client.get("/Users/").status()).isEqualTo(200);
			assertThat(client.post("/Users/", "{\"userName\":\"slash@example.com\"}").status()).isEqualTo(201);
		}

	}

	@Nested
	class Payloads {

		@Test
		void bothJsonMediaTypesAreAcceptedOthersAre415() {
			assertThat(client.send("POST", "/Users", "{\"userName\":\"a@example.com\"}", "application/scim+json").status())
				.isEqualTo(201);
			var json = client.send("POST", "/Users", "{\"userName\":\"b@example.com\"}", "application/json; charset=utf-8");
			assertThat(json.status()).isEqualTo(201);
			assertThat(json.header("Content-Type")).startsWith("application/scim+json");
			assertError(client.send("POST", "/Users", "{\"userName\":\"c@example.com\"}", "text/plain"), 415, null);
			assertError(client.send("PATCH", "/Users/1", "{}", "application/xml"), 415, null);
			assertThat(server.users()).hasSize(2);
		}

		@Test
		void bodiesOver800000BytesAre413() {
			String big = "{\"userName\":\"a@example.com\",\"displayName\":\"" + "x".repeat(800_000) + "\"}";
			assertError(client.post("/Users", big), 413, null);
			server.updateSettings((s) -> s.maxPayloadBytes(100));
			assertError(client.post("/Users", "{\"userName\":\"a@example.com\",\"displayName\":\"" + "x".repeat(100) + "\"}"),
					413, null);
			assertThat(server.users()).isEmpty();
		}

	}

	@Nested
	class RateLimits {

		@Test
		void groupListIsLimitedToFivePerWindowWithAScimBody() {
			for (int i = 0; i < 5; i++) {
				assertThat(client.get("/Groups").status()).isEqualTo(200);
			}
			var limited = client.get("/Groups");
			assertError(limited, 429, "tooManyRequests");
			assertThat(limited.header("Retry-After")).as("not documented for Miro: off by default").isNull();
			assertThat(client.get("/Users").status()).as("other buckets are independent").isEqualTo(200);
			assertThat(server.rateLimitedCount()).isEqualTo(1);
			assertThat(server.requestCounts()).containsEntry("GET /Groups", 6L).containsEntry("GET /Users", 1L);
		}

		@Test
		void retryAfterIsAKnob() {
			server.updateSettings((s) -> s.retryAfterHeader(true));
			for (int i = 0; i < 5; i++) {
				client.get("/Groups");
			}
			var limited = client.get("/Groups");
			assertThat(limited.status()).isEqualTo(429);
			assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 30);
		}

		@Test
		void groupPatchUsesTheCheapOrExpensiveBucketByBodySize() {
			String team = server.seedTeam("Design");
			String small = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Design\"}]}";
			String large = small.replace("\"Design\"", "\"" + "D".repeat(500) + "\"");
			assertThat(small.length()).isLessThan(500);
			for (int i = 0; i < 5; i++) {
				assertThat(client.patch("/Groups/" + team, large).status()).isEqualTo(200);
			}
			assertError(client.patch("/Groups/" + team, large), 429, "tooManyRequests");
			assertThat(client.patch("/Groups/" + team, small).status()).as("cheap bucket still has budget").isEqualTo(200);
		}

		@Test
		void limitsScaleAndTurnOff() {
			server.updateSettings((s) -> s.rateLimitScale(2));
			for (int i = 0; i < 10; i++) {
				assertThat(client.get("/Groups").status()).isEqualTo(200);
			}
			assertThat(client.get("/Groups").status()).isEqualTo(429);
			server.updateSettings((s) -> s.rateLimitsEnabled(false));
			for (int i = 0; i < 20; i++) {
				assertThat(client.get("/Groups").status()).isEqualTo(200);
			}
		}

		@Test
		void userDeleteIsLimitedToTwenty() {
			for (int i = 0; i < 21; i++) {
				server.seedUser("u" + i + "@example.com");
			}
			int ok = 0;
			for (var user : server.users()) {
				ok += (client.delete("/Users/" + user.id()).status() == 204) ? 1 : 0;
			}
			assertThat(ok).isEqualTo(20);
			assertThat(server.users()).hasSize(1);
		}

	}

	@Nested
	class Knobs {

		@Test
		void failureRateAnswers500WithoutSideEffects() {
			server.updateSettings((s) -> s.failureRate(1.0));
			assertError(client.post("/Users", "{\"userName\":\"a@example.com\"}"), 500, null);
			assertThat(server.users()).isEmpty();
			server.updateSettings((s) -> s.failureRate(0));
			assertThat(client.post("/Users", "{\"userName\":\"a@example.com\"}").status()).isEqualTo(201);
		}

		@Test
		void heldBackAnswersLookLikeTimeoutsAfterTheEffect() throws InterruptedException {
			server.updateSettings((s) -> s.timeoutRate(1.0).timeoutDelay(Duration.ofSeconds(5)));
			assertThatThrownBy(() -> client.send("POST", "/Users", "{\"userName\":\"slow@example.com\"}",
					"application/scim+json", Duration.ofMillis(300)))
				.isInstanceOf(UncheckedIOException.class)
				.hasCauseInstanceOf(HttpTimeoutException.class);
			Instant deadline = Instant.now().plusSeconds(5);
			while (server.userByUserName("slow@example.com").isEmpty() && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
			assertThat(server.userByUserName("slow@example.com")).as("the create happened").isPresent();
		}

		@Test
		void addedLatencyStillAnswers() {
			server.updateSettings((s) -> s.addedLatency(Duration.ofMillis(20)));
			assertThat(client.get("/Users").status()).isEqualTo(200);
		}

	}

}

package io.scimflow.miroserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scimflow.miroserver.journal.JournalEntry;

/** The Java API other modules embed: start, seed, inspect, journal, counters, settings at runtime, reset. */
class EmbeddingApiIntegrationTests {

	@Test
	void startsOnAFreeLoopbackPortWithTheMiroBasePath() {
		try (LocalMiroScimServer server = LocalMiroScimServer.start()) {
			assertThat(server.port()).isPositive();
			assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/api/v1/scim");
			assertThat(server.settings().token()).isEqualTo(MiroServerSettings.DEFAULT_TOKEN);
		}
	}

	@Test
	void journalRecordsEveryRequestAndCanBeCleared() {
		try (LocalMiroScimServer server = LocalMiroScimServer.start()) {
			ScimClient client = new ScimClient(server);
			String id = client.post("/Users", "{\"userName\":\"a@example.com\"}").id();
			client.get("/Users?filter=userName%20eq%20%22a@example.com%22");
			client.withToken("bad").get("/Users/" + id);

			List<JournalEntry> journal = server.journal();
			assertThat(journal).extracting(JournalEntry::method, JournalEntry::path, JournalEntry::endpoint,
					JournalEntry::status)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/scim/Users", "POST /Users", 201),
						org.assertj.core.groups.Tuple.tuple("GET", "/api/v1/scim/Users", "GET /Users", 200),
						org.assertj.core.groups.Tuple.tuple("GET", "/api/v1/scim/Users/" + id, "GET /Users/{id}", 401));
			assertThat(journal.get(0).requestBody()).isEqualTo("{\"userName\":\"a@example.com\"}");
			assertThat(journal.get(0).responseBody()).contains("\"id\":\"" + id + "\"");
			assertThat(journal.get(1).query()).isEqualTo("filter=userName%20eq%20%22a@example.com%22");
			assertThat(journal.get(0).timestamp()).isNotNull();
			assertThat(server.requestCounts()).isEqualTo(Map.of("POST /Users", 1L, "GET /Users", 1L, "GET /Users/{id}", 1L));
			assertThat(server.statusCounts()).isEqualTo(Map.of(201, 1L, 200, 1L, 401, 1L));

			server.clearJournal();
			assertThat(server.journal()).isEmpty();
			assertThat(server.requestCounts()).isEmpty();
			assertThat(server.users()).hasSize(1);
		}
	}

	@Test
	void journalBodiesOrTheWholeJournalCanBeTurnedOffForBenchmarks() {
		MiroServerSettings settings = MiroServerSettings.builder().journalBodies(false).build();
		try (LocalMiroScimServer server = LocalMiroScimServer.start(settings)) {
			ScimClient client = new ScimClient(server);
			client.post("/Users", "{\"userName\":\"a@example.com\"}");
			assertThat(server.journal()).singleElement().satisfies((entry) -> {
				assertThat(entry.requestBody()).isNull();
				assertThat(entry.responseBody()).isNull();
				assertThat(entry.status()).isEqualTo(201);
			});
			server.updateSettings((s) -> s.journalEnabled(false));
			client.post("/Users", "{\"userName\":\"b@example.com\"}");
			assertThat(server.journal()).hasSize(1);
			assertThat(server.requestCounts()).containsEntry("POST /Users", 2L);
		}
	}

	@Test
	void seedingAndSnapshots() {
		try (LocalMiroScimServer server = LocalMiroScimServer.start()) {
			String eng = server.seedTeam("Engineering");
			String admin = server.seedUser(SeedUser.member("admin@example.com")
				.withDisplayName("Ada Admin")
				.withOrgAdmin(true)
				.withUserType("Full")
				.withAdminOfTeams("Engineering"));
			String unlinked = server.seedUser("old.account@example.com");

			UserSnapshot snapshot = server.user(admin).orElseThrow();
			assertThat(snapshot.userName()).isEqualTo("admin@example.com");
			assertThat(snapshot.displayName()).isEqualTo("Ada Admin");
			assertThat(snapshot.roles()).containsExactly("ORGANIZATION_INTERNAL_ADMIN");
			assertThat(snapshot.teamIds()).containsExactly(eng);
			assertThat(snapshot.attributes()).containsEntry("userName", "admin@example.com").containsKey("meta");
			assertThat(server.userByUserName("OLD.ACCOUNT@example.com").orElseThrow().id()).isEqualTo(unlinked);
			assertThat(server.team(eng).orElseThrow().adminIds()).containsExactly(admin);
			assertThat(server.teamByName("Engineering").orElseThrow().memberIds()).containsExactly(admin);
			assertThatThrownBy(() -> server.seedUser("Admin@example.com")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("already exists");
			assertThatThrownBy(() -> server.seedUser(SeedUser.member("x@example.com").withTeams("Nope")))
				.hasMessageContaining("Nope");
		}
	}

	@Test
	void resetForgetsEverythingButKeepsTheDefaultTeam() {
		MiroServerSettings settings = MiroServerSettings.builder().defaultTeam("All Staff").build();
		try (LocalMiroScimServer server = LocalMiroScimServer.start(settings)) {
			ScimClient client = new ScimClient(server);
			server.seedTeam("Sales");
			client.post("/Users", "{\"userName\":\"a@example.com\"}");
			for (int i = 0; i < 6; i++) {
				client.get("/Groups");
			}
			assertThat(server.rateLimitedCount()).isEqualTo(1);
			server.reset();
			assertThat(server.users()).isEmpty();
			assertThat(server.teams()).extracting(TeamSnapshot::displayName).containsExactly("All Staff");
			assertThat(server.journal()).isEmpty();
			assertThat(client.get("/Groups").status()).as("rate windows are fresh").isEqualTo(200);
		}
	}

	@Test
	void structuralSettingsKeepTheirStartValues() {
		try (LocalMiroScimServer server = LocalMiroScimServer.start()) {
			int port = server.port();
			server.updateSettings((s) -> s.port(1).threads(1).failureRate(0.5));
			assertThat(server.settings().port()).isEqualTo(0);
			assertThat(server.settings().threads()).isEqualTo(64);
			assertThat(server.settings().failureRate()).isEqualTo(0.5);
			assertThat(server.port()).isEqualTo(port);
		}
	}

}

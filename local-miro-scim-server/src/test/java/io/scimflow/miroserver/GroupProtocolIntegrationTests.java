package io.scimflow.miroserver;

import static io.scimflow.miroserver.ScimClient.q;
import static io.scimflow.miroserver.UserProtocolIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** /Groups over real HTTP: teams (reference 3.1) and the user-group switch (3.2). Rate limits off. */
class GroupProtocolIntegrationTests {

	static LocalMiroScimServer server;

	static ScimClient client;

	@BeforeAll
	static void start() {
		server = LocalMiroScimServer.start(MiroServerSettings.builder().rateLimitsEnabled(false).build());
		client = new ScimClient(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		server.reset();
		server.settings(MiroServerSettings.builder().rateLimitsEnabled(false).build());
	}

	static ScimClient.Reply patch(String teamId, String operations) {
		return client.patch("/Groups/" + teamId,
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}");
	}

	static String user(String userName) {
		return server.seedUser(userName);
	}

	@Nested
	class Read {

		@Test
		void listGetFilterSortAndProject() {
			String eng = server.seedTeam("Engineering");
			server.seedTeam("Sales");
			server.seedTeam("All Staff");
			String alice = server.seedUser(SeedUser.member("alice@example.com").withDisplayName("Alice A").withTeams(eng));
			server.seedUser(SeedUser.member("guest@partner.org").withGuest(true).withTeams(eng));

			JsonNode all = client.get("/Groups").json();
			assertThat(all.path("totalResults").asInt()).isEqualTo(3);
			JsonNode team = client.get("/Groups/" + eng).json();
			assertThat(team.path("displayName").asText()).isEqualTo("Engineering");
			assertThat(team.path("members")).as("guests are not listed").hasSize(1);
			assertThat(team.path("members").get(0).path("value").asText()).isEqualTo(alice);
			assertThat(team.path("members").get(0).path("display").asText()).isEqualTo("Alice A");
			assertThat(team.path("meta").path("location").asText()).isEqualTo(server.baseUrl() + "/Groups/" + eng);

			JsonNode filtered = client.get("/Groups?filter=" + q("DISPLAYNAME eq \"engineering\"")).json();
			assertThat(filtered.path("totalResults").asInt()).isEqualTo(1);
			assertThat(client.get("/Groups?filter=" + q("displayName sw \"S\"")).json().path("totalResults").asInt())
				.isEqualTo(1);

			JsonNode sorted = client.get("/Groups?sortBy=displayName&startIndex=2&count=1").json();
			assertThat(sorted.path("Resources").get(0).path("displayName").asText()).isEqualTo("Engineering");

			JsonNode projected = client.get("/Groups/" + eng + "?attributes=id,displayName").json();
			assertThat(projected.has("members")).isFalse();
			assertThat(projected.path("displayName").asText()).isEqualTo("Engineering");
		}

		@Test
		void membersCannotBeFilteredAndUnknownTeamsAre404() {
			assertError(client.get("/Groups?filter=" + q("members.value eq \"1\"")), 400, "invalidFilter");
			assertError(client.get("/Groups?filter=" + q("displayName eq \"x\" or members[value eq \"1\"]")), 400,
					"invalidFilter");
			server.seedTeam("Board members");
			assertThat(client.get("/Groups?filter=" + q("displayName eq \"Board members\"")).json().path("totalResults")
				.asInt()).isEqualTo(1);
			assertError(client.get("/Groups/123"), 404, null);
			assertError(patch("123", "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}"), 404, null);
		}

	}

	@Nested
	class Members {

		@Test
		void replaceMembersAndPathlessEntraStyleChanges() {
			String team = server.seedTeam("Design");
			String a = user("a@example.com");
			String b = user("b@example.com");
			String c = user("c@example.com");
			assertThat(patch(team, "{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"%s\"},{\"value\":\"%s\"}]}}".formatted(a, b))
				.status()).isEqualTo(200);
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(a, b);
			var replaced = patch(team, "{\"op\":\"Replace\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}".formatted(c));
			assertThat(replaced.status()).isEqualTo(200);
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(c);
			assertThat(patch(team, "{\"op\":\"replace\",\"value\":{\"id\":\"%s\",\"displayName\":\"Design 2\"}}".formatted(team))
				.status()).isEqualTo(200);
			assertThat(server.team(team).orElseThrow().displayName()).isEqualTo("Design 2");
			assertThat(patch(team, "{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}".formatted(c))
				.status()).isEqualTo(200);
			assertThat(server.team(team).orElseThrow().memberIds()).isEmpty();
		}

		@Test
		void removeAcceptsQuotedUnquotedAndOrFilters() {
			String team = server.seedTeam("Design");
			String a = server.seedUser(SeedUser.member("a@example.com").withTeams(team));
			String b = server.seedUser(SeedUser.member("b@example.com").withTeams(team));
			String c = server.seedUser(SeedUser.member("c@example.com").withTeams(team));
			assertThat(patch(team, "{\"op\":\"remove\",\"path\":\"members[value eq \\\"%s\\\" or value eq %s]\"}".formatted(a, b))
				.status()).isEqualTo(200);
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(c);
		}

		@Test
		void unknownMemberIdsFailTheWholeRequestWith404() {
			String team = server.seedTeam("Design");
			String known = user("a@example.com");
			var reply = patch(team, """
					{"op":"Add","path":"members","value":[{"value":"%s"},{"value":"3074457345618258730"}]},
					{"op":"Replace","path":"displayName","value":"Renamed"}""".formatted(known));
			assertError(reply, 404, null);
			assertThat(reply.json().path("detail").asText())
				.isEqualTo("No valid resources: [{memberId=3074457345618258730, display=null}]");
			TeamSnapshot unchanged = server.team(team).orElseThrow();
			assertThat(unchanged.memberIds()).isEmpty();
			assertThat(unchanged.displayName()).isEqualTo("Design");
		}

		@Test
		void removeIsAllOrNothingAndTheLastTeamAdminStays() {
			String team = server.seedTeam("Engineering");
			String lead = server.seedUser(SeedUser.member("lead@example.com").withAdminOfTeams(team));
			String dev = server.seedUser(SeedUser.member("dev@example.com").withTeams(team));
			var reply = patch(team, """
					{"op":"Remove","path":"members[value eq "%s"]"},{"op":"Remove","path":"members[value eq "%s"]"}"""
				.formatted(dev, lead).replace("eq \"", "eq \\\"").replace("\"]\"", "\\\"]\""));
			assertError(reply, 409, null);
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(lead, dev);
			assertError(patch(team, "{\"op\":\"Replace\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"}]}".formatted(dev)),
					409, null);
			assertThat(patch(team, "{\"op\":\"Remove\",\"path\":\"members[value eq \\\"%s\\\"]\"}".formatted(dev)).status())
				.isEqualTo(200);
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(lead);
		}

		@Test
		void addingReactivatesDeactivatedRecreatesDeletedAndPromotesGuests() {
			String team = server.seedTeam("Support");
			String inactive = server.seedUser(SeedUser.member("inactive@example.com").withActive(false));
			String guest = server.seedUser(SeedUser.member("guest@partner.org").withGuest(true).withUserType("Free"));
			String deleted = user("deleted@example.com");
			assertThat(client.delete("/Users/" + deleted).status()).isEqualTo(204);
			var reply = patch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"%s\"},{\"value\":\"%s\"},{\"value\":\"%s\"}]}"
				.formatted(inactive, guest, deleted));
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(server.user(inactive).orElseThrow().active()).isTrue();
			UserSnapshot promoted = server.user(guest).orElseThrow();
			assertThat(promoted.guest()).isFalse();
			assertThat(promoted.userType()).isEqualTo("Full");
			assertThat(promoted.roles()).containsExactly("ORGANIZATION_INTERNAL_USER");
			assertThat(client.get("/Users/" + guest).status()).isEqualTo(200);
			assertThat(client.get("/Users/" + deleted).json().path("userName").asText()).isEqualTo("deleted@example.com");
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(inactive, guest, deleted);
		}

		@Test
		void unsupportedOperationsAreRejected() {
			String team = server.seedTeam("Support");
			assertError(patch(team, "{\"op\":\"remove\"}"), 400, "noTarget");
			assertError(patch(team, "{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"x\"}"), 400, "invalidPath");
			assertError(patch(team, "{\"op\":\"remove\",\"path\":\"displayName\"}"), 400, "mutability");
			assertError(patch(team, "{\"op\":\"remove\",\"path\":\"members[display eq \\\"x\\\"]\"}"), 400, "invalidFilter");
		}

		@Test
		void moreThan8000MembersOrMoreThan800KbIs413() {
			String team = server.seedTeam("Big");
			List<String> values = new ArrayList<>();
			for (int i = 0; i < 8001; i++) {
				values.add("{\"value\":\"" + (3074457345618258000L + i) + "\"}");
			}
			assertError(patch(team, "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + String.join(",", values) + "]}"),
					413, null);
			String padding = "x".repeat(800_001);
			assertError(patch(team, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + padding + "\"}"), 413,
					null);
			assertThat(server.team(team).orElseThrow().displayName()).isEqualTo("Big");
		}

	}

	@Nested
	class Models {

		@Test
		void teamsCannotBeCreatedReplacedOrDeleted() {
			String team = server.seedTeam("Sales");
			assertError(client.post("/Groups", "{\"displayName\":\"New\"}"), 405, null);
			assertError(client.put("/Groups/" + team, "{\"displayName\":\"New\"}"), 405, null);
			assertError(client.delete("/Groups/" + team), 405, null);
			assertThat(server.teams()).hasSize(1);
		}

		@Test
		void mirosObservedNonScim405BodyIsAToggle() {
			server.updateSettings((s) -> s.miroStyle405Body(true));
			var reply = client.put("/Groups/1", "{\"displayName\":\"New\"}");
			assertThat(reply.status()).isEqualTo(405);
			assertThat(reply.json().path("error").path("reason").asText()).isEqualTo("methodNotAllowed");
			assertThat(reply.json().path("error").path("code").asInt()).isEqualTo(405);
		}

		@Test
		void userGroupModelCreatesAndDeletesGroups() {
			server.updateSettings((s) -> s.groupModel(GroupModel.USER_GROUPS));
			String member = user("a@example.com");
			var created = client.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
					+ "\"displayName\":\"Project X\",\"members\":[{\"value\":\"" + member + "\"}]}");
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			assertThat(created.header("Location")).isEqualTo(server.baseUrl() + "/Groups/" + created.id());
			assertThat(server.team(created.id()).orElseThrow().memberIds()).containsExactly(member);
			assertError(client.post("/Groups", "{\"displayName\":\"Project X\"}"), 409, "uniqueness");
			assertError(client.post("/Groups", "{\"members\":[]}"), 400, "invalidValue");
			assertError(client.put("/Groups/" + created.id(), "{\"displayName\":\"x\"}"), 405, null);
			assertThat(client.delete("/Groups/" + created.id()).status()).isEqualTo(204);
			assertThat(server.teams()).isEmpty();
			assertThat(server.user(member)).as("deleting a user group keeps its users").isPresent();
		}

	}

}

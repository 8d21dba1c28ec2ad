package io.scimflow.miroserver;

import static io.scimflow.miroserver.ScimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives the server with a plain HTTP client through the whole Miro life of a user and of a
 * team, the way an IdP does, with Miro's default settings (rate limits on).
 */
class MiroLifecycleIntegrationTests {

	static LocalMiroScimServer server;

	static ScimClient client;

	@BeforeAll
	static void start() {
		server = LocalMiroScimServer.start(MiroServerSettings.builder().token("lifecycle-token").build());
		client = new ScimClient(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		server.reset();
	}

	@Test
	void userLifeCreateFindPatchDeactivateReactivateDelete() {
		var created = client.post("/Users", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
				 "userName":"Jane.Doe@Example.com","name":{"givenName":"Jane","familyName":"Doe"},
				 "active":true,"title":"ignored by Miro",
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.id();
		assertThat(id).matches("\\d{19}");
		assertThat(created.header("Location")).isEqualTo(server.baseUrl() + "/Users/" + id);
		JsonNode user = created.json();
		assertThat(user.path("displayName").asText()).isEqualTo("Jane Doe");
		assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("Jane.Doe@Example.com");
		assertThat(user.path("roles").get(0).path("value").asText()).isEqualTo("ORGANIZATION_INTERNAL_USER");
		assertThat(user.has("title")).isFalse();

		var found = client.get("/Users?filter=" + q("userName eq \"jane.doe@example.com\""));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.json().path("Resources").get(0).path("id").asText()).isEqualTo(id);

		var patched = client.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Replace","path":"displayName","value":"Jane Q. Doe"},
				 {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"IT"}]}""");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().path("displayName").asText()).isEqualTo("Jane Q. Doe");
		assertThat(patched.json().path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
			.path("department").asText()).isEqualTo("IT");

		var deactivated = client.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Replace","path":"active","value":"false"}]}""");
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.json().path("active").asBoolean()).isFalse();
		assertThat(server.user(id).orElseThrow().active()).isFalse();

		var reactivated = client.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","value":{"active":true}}]}""");
		assertThat(reactivated.status()).isEqualTo(200);
		assertThat(server.user(id).orElseThrow().active()).isTrue();

		assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);
		assertThat(client.get("/Users/" + id).status()).isEqualTo(404);
		assertThat(client.get("/Users?filter=" + q("userName eq \"jane.doe@example.com\"")).json()
			.path("totalResults").asInt()).isZero();
		assertThat(server.users()).isEmpty();
	}

	@Test
	void teamLifeFindAddRemoveRenameAndNoCreateOrDelete() {
		String teamId = server.seedTeam("Product Team");
		server.seedTeam("Sales");
		String alice = client.post("/Users", "{\"userName\":\"alice@example.com\"}").id();
		String bob = client.post("/Users", "{\"userName\":\"bob@example.com\"}").id();

		var found = client.get("/Groups?filter=" + q("displayName eq \"Product Team\""));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.json().path("Resources").get(0).path("id").asText()).isEqualTo(teamId);

		var added = client.patch("/Groups/" + teamId, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]}""".formatted(alice, bob));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		assertThat(server.team(teamId).orElseThrow().memberIds()).containsExactly(alice, bob);

		var removed = client.patch("/Groups/" + teamId, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Remove","path":"members[value eq %s]"},
				 {"op":"Replace","path":"displayName","value":"design_unit2_product"}]}""".formatted(alice));
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(removed.json().path("displayName").asText()).isEqualTo("design_unit2_product");
		TeamSnapshot team = server.team(teamId).orElseThrow();
		assertThat(team.memberIds()).containsExactly(bob);
		assertThat(team.displayName()).isEqualTo("design_unit2_product");
		assertThat(client.get("/Users/" + bob).json().path("groups").get(0).path("display").asText())
			.isEqualTo("design_unit2_product");

		assertThat(client.post("/Groups", "{\"displayName\":\"New Team\"}").status()).isEqualTo(405);
		assertThat(client.delete("/Groups/" + teamId).status()).isEqualTo(405);
		assertThat(client.put("/Groups/" + teamId, "{\"displayName\":\"x\"}").status()).isEqualTo(405);
		assertThat(server.teams()).extracting(TeamSnapshot::displayName).containsExactly("design_unit2_product", "Sales");
	}

}

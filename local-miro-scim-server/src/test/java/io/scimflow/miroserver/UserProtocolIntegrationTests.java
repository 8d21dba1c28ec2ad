package io.scimflow.miroserver;

import static io.scimflow.miroserver.ScimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** /Users over real HTTP with Miro's rules (reference 2). Rate limits are off here; see HttpEdgeIntegrationTests. */
class UserProtocolIntegrationTests {

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

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

	static String create(String json) {
		var reply = client.post("/Users", json);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.id();
	}

	static ScimClient.Reply patch(String id, String operations) {
		return client.patch("/Users/" + id,
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}");
	}

	static void assertError(ScimClient.Reply reply, int status, String scimType) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		JsonNode body = reply.json();
		assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		assertThat(body.path("status").isTextual()).isTrue();
		assertThat(body.path("status").asText()).isEqualTo(Integer.toString(status));
		assertThat(body.path("detail").asText()).isNotBlank();
		if (scimType != null) {
			assertThat(body.path("scimType").asText()).isEqualTo(scimType);
		}
	}

	@Nested
	class Create {

		@Test
		void userNameIsRequiredAndMustBeAnEmail() {
			assertError(client.post("/Users", "{\"displayName\":\"No Name\"}"), 400, "invalidValue");
			assertError(client.post("/Users", "{\"userName\":\"not-an-email\"}"), 400, "invalidValue");
			assertThat(server.users()).isEmpty();
		}

		@Test
		void duplicateUserNameIs409ByDefaultIgnoringCase() {
			create("{\"userName\":\"dup@example.com\"}");
			var reply = client.post("/Users", "{\"userName\":\"DUP@example.com\"}");
			assertError(reply, 409, "uniqueness");
			assertThat(reply.json().path("detail").asText()).isEqualTo("DUP@example.com is not unique");
			assertThat(server.users()).hasSize(1);
		}

		@Test
		void duplicateUserNameIs400WhenConfiguredLikeMirosErrorPage() {
			server.updateSettings((s) -> s.duplicateCreateStatus(400));
			create("{\"userName\":\"dup@example.com\"}");
			var reply = client.post("/Users", "{\"userName\":\"dup@example.com\"}");
			assertError(reply, 400, "invalidValue");
			assertThat(reply.json().path("detail").asText()).isEqualTo("User name 'dup@example.com' is invalid: 'not unique'");
		}

		@Test
		void displayNameIsDerivedInMirosOrder() {
			String a = create("{\"userName\":\"a@example.com\",\"displayName\":\"Display\",\"name\":{\"formatted\":\"Formatted\",\"givenName\":\"G\",\"familyName\":\"F\"}}");
			String b = create("{\"userName\":\"b@example.com\",\"name\":{\"formatted\":\"Formatted\",\"givenName\":\"G\",\"familyName\":\"F\"}}");
			String c = create("{\"userName\":\"c@example.com\",\"name\":{\"givenName\":\"Given\",\"familyName\":\"Family\"}}");
			String d = create("{\"userName\":\"d@example.com\"}");
			assertThat(List.of(a, b, c, d)).extracting((id) -> server.user(id).orElseThrow().displayName())
				.containsExactly("Display", "Formatted", "Given Family", "d@example.com");
		}

		@Test
		void namesLongerThan60CharactersAreRejected() {
			String sixtyOne = "x".repeat(61);
			assertError(client.post("/Users", "{\"userName\":\"a@example.com\",\"displayName\":\"" + sixtyOne + "\"}"), 400,
					"invalidValue");
			assertError(client.post("/Users", "{\"userName\":\"a@example.com\",\"name\":{\"givenName\":\"" + "g".repeat(30)
					+ "\",\"familyName\":\"" + "f".repeat(30) + "\"}}"), 400, "invalidValue");
			create("{\"userName\":\"a@example.com\",\"displayName\":\"" + "x".repeat(60) + "\"}");
		}

		@Test
		void emailsAreReadOnlyAndMirrorUserName() {
			String id = create("{\"userName\":\"real@example.com\",\"emails\":[{\"value\":\"other@example.com\",\"primary\":true}]}");
			JsonNode emails = client.get("/Users/" + id).json().path("emails");
			assertThat(emails).hasSize(1);
			assertThat(emails.get(0).path("value").asText()).isEqualTo("real@example.com");
			assertThat(emails.get(0).path("type").asText()).isEqualTo("work");
			assertThat(emails.get(0).path("primary").asBoolean()).isTrue();
		}

		@Test
		void attributesOutsideMirosSchemaAreIgnored() {
			String id = create("""
					{"userName":"x@example.com","externalId":"abc","title":"CTO","nickName":"X","password":"secret",
					 "phoneNumbers":[{"value":"123"}],"preferredLanguage":"en_US"}""");
			JsonNode user = client.get("/Users/" + id).json();
			assertThat(user.has("externalId")).isFalse();
			assertThat(user.has("title")).isFalse();
			assertThat(user.has("password")).isFalse();
			assertThat(user.has("phoneNumbers")).isFalse();
			assertThat(user.path("preferredLanguage").asText()).isEqualTo("en_US");
		}

		@Test
		void licenseDefaultsToTheOrgDefaultAndUnknownTypesAreRejected() {
			String id = create("{\"userName\":\"x@example.com\"}");
			assertThat(server.user(id).orElseThrow().userType()).isEqualTo("Full");
			String free = create("{\"userName\":\"y@example.com\",\"userType\":\"free restricted\"}");
			assertThat(server.user(free).orElseThrow().userType()).isEqualTo("Free Restricted");
			assertError(client.post("/Users", "{\"userName\":\"z@example.com\",\"userType\":\"Guest\"}"), 400,
					"invalidValue");
		}

		@Test
		void enterpriseExtensionKeepsMirosAttributesAndLimits() {
			String id = create("""
					{"userName":"x@example.com","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{
					 "employeeNumber":"E1","costCenter":"CC","organization":"Org","division":"Div","department":"Dep",
					 "manager":{"value":"not-a-number","displayName":"Boss"}}}""");
			JsonNode enterprise = client.get("/Users/" + id).json().path(ENTERPRISE);
			assertThat(enterprise.path("department").asText()).isEqualTo("Dep");
			assertThat(enterprise.path("manager").has("value")).as("non-numeric manager id is dropped").isFalse();
			assertThat(enterprise.path("manager").path("displayName").asText()).isEqualTo("Boss");
			assertError(client.post("/Users", "{\"userName\":\"y@example.com\",\"" + ENTERPRISE
					+ "\":{\"employeeNumber\":\"" + "1".repeat(21) + "\"}}"), 400, "invalidValue");
		}

		@Test
		void rolesAreLimitedToOrganisationAndAdminRoles() {
			String admin = create("""
					{"userName":"admin@example.com","roles":[{"value":"ORGANIZATION_INTERNAL_ADMIN","type":"organization_user_role","primary":true},
					 {"value":"Content Admin","type":"organization_admin_role","primary":false}]}""");
			JsonNode roles = client.get("/Users/" + admin).json().path("roles");
			assertThat(roles.get(0).path("display").asText()).isEqualTo("Company Admin");
			assertThat(roles.get(1).path("value").asText()).isEqualTo("Content Admin");
			assertError(client.post("/Users", "{\"userName\":\"g@example.com\",\"roles\":[{\"value\":\"ORGANIZATION_EXTERNAL_USER\"}]}"),
					400, "invalidValue");
			assertError(client.post("/Users", "{\"userName\":\"h@example.com\",\"roles\":[{\"value\":\"Boss\",\"type\":\"organization_user_role\"}]}"),
					400, "invalidValue");
		}

		@Test
		void domainsOutsideTheAllowListAreRejected() {
			server.updateSettings((s) -> s.allowedDomains(List.of("example.com")));
			create("{\"userName\":\"ok@example.com\"}");
			var reply = client.post("/Users", "{\"userName\":\"jane@other.com\"}");
			assertError(reply, 409, null);
			assertThat(reply.json().path("detail").asText()).isEqualTo("jane@other.com is not whitelisted");
		}

		@Test
		void fullLicensePoolFallsBackOrRefuses() {
			server.updateSettings((s) -> s.fullLicenseLimit(1));
			create("{\"userName\":\"first@example.com\"}");
			String second = create("{\"userName\":\"second@example.com\"}");
			assertThat(server.user(second).orElseThrow().userType()).isEqualTo("Free Restricted");
			var reply = client.post("/Users", "{\"userName\":\"third@example.com\",\"userType\":\"Full\"}");
			assertError(reply, 409, null);
			assertThat(reply.json().path("detail").asText()).isEqualTo("Full users limit reached for organization");
		}

		@Test
		void newUsersJoinTheDefaultTeam() {
			server.updateSettings((s) -> s.defaultTeam("All Staff"));
			String id = create("{\"userName\":\"x@example.com\"}");
			TeamSnapshot team = server.teamByName("All Staff").orElseThrow();
			assertThat(team.memberIds()).containsExactly(id);
			assertThat(client.get("/Users/" + id).json().path("groups").get(0).path("display").asText())
				.isEqualTo("All Staff");
		}

	}

	@Nested
	class Patch {

		@Test
		void opsAreCaseInsensitiveAndAcceptPathAndPathlessValues() {
			String id = create("{\"userName\":\"x@example.com\"}");
			assertThat(patch(id, """
					{"op":"REPLACE","path":"DisplayName","value":"Upper Case"},
					{"op":"add","value":{"name.givenName":"Given","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter":"CC1"}},
					{"op":"Replace","value":{"preferredLanguage":"de_DE","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"division":"D1"}}}""")
				.status()).isEqualTo(200);
			JsonNode user = client.get("/Users/" + id).json();
			assertThat(user.path("displayName").asText()).isEqualTo("Upper Case");
			assertThat(user.path("name").path("givenName").asText()).isEqualTo("Given");
			assertThat(user.path(ENTERPRISE).path("costCenter").asText()).isEqualTo("CC1");
			assertThat(user.path(ENTERPRISE).path("division").asText()).isEqualTo("D1");
			assertThat(user.path("preferredLanguage").asText()).isEqualTo("de_DE");
		}

		@Test
		void primaryRoleAndAdminRolesChangeThroughFilteredPaths() {
			String id = create("{\"userName\":\"x@example.com\"}");
			var promoted = patch(id, """
					{"op":"Replace","path":"roles[primary eq true].value","value":"ORGANIZATION_INTERNAL_ADMIN"},
					{"op":"Add","path":"roles","value":[{"value":"Content Admin","type":"organization_admin_role","primary":false}]}""");
			assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
			assertThat(server.user(id).orElseThrow().roles()).containsExactly("ORGANIZATION_INTERNAL_ADMIN", "Content Admin");
			assertThat(promoted.json().path("roles").get(0).path("display").asText()).isEqualTo("Company Admin");
			assertThat(patch(id, "{\"op\":\"Remove\",\"path\":\"roles[value eq \\\"Content Admin\\\"]\"}").status())
				.isEqualTo(200);
			assertThat(server.user(id).orElseThrow().roles()).containsExactly("ORGANIZATION_INTERNAL_ADMIN");
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"roles[primary eq true].value\",\"value\":\"ORGANIZATION_TEAM_GUEST_USER\"}"),
					400, "invalidValue");
		}

		@Test
		void emailsAreIgnoredAndUserNameChangesTheEmail() {
			String id = create("{\"userName\":\"old@example.com\"}");
			assertThat(patch(id, "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"ignored@example.com\"}")
				.status()).isEqualTo(200);
			assertThat(client.get("/Users/" + id).json().path("emails").get(0).path("value").asText())
				.isEqualTo("old@example.com");
			assertThat(patch(id, "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"new@example.com\"}").status())
				.isEqualTo(200);
			assertThat(client.get("/Users/" + id).json().path("emails").get(0).path("value").asText())
				.isEqualTo("new@example.com");
			assertThat(server.userByUserName("old@example.com")).isEmpty();
			create("{\"userName\":\"old@example.com\"}");
		}

		@Test
		void userNameChangeToAnExistingOneIsADuplicate() {
			create("{\"userName\":\"taken@example.com\"}");
			String id = create("{\"userName\":\"mine@example.com\"}");
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"Taken@example.com\"}"), 409,
					"uniqueness");
			assertThat(server.user(id).orElseThrow().userName()).isEqualTo("mine@example.com");
		}

		@Test
		void userTypeOnlyUpgradesToFull() {
			String id = create("{\"userName\":\"x@example.com\",\"userType\":\"Free\"}");
			assertThat(patch(id, "{\"op\":\"Replace\",\"path\":\"userType\",\"value\":\"Full\"}").status()).isEqualTo(200);
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"userType\",\"value\":\"Free\"}"), 400, "invalidValue");
			assertThat(server.user(id).orElseThrow().userType()).isEqualTo("Full");
		}

		@Test
		void deactivatedUsersHaveFrozenFields() {
			String id = create("{\"userName\":\"x@example.com\",\"userType\":\"Free\"}");
			assertThat(patch(id, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}").status()).isEqualTo(200);
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"y@example.com\"}"), 409, null);
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"userType\",\"value\":\"Full\"}"), 409, null);
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"roles[primary eq true].value\",\"value\":\"ORGANIZATION_INTERNAL_ADMIN\"}"),
					409, null);
			server.updateSettings((s) -> s.frozenFieldStatus(400));
			assertError(patch(id, "{\"op\":\"Replace\",\"path\":\"userType\",\"value\":\"Full\"}"), 400, null);
			assertThat(patch(id, "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Still Editable\"}").status())
				.isEqualTo(200);
			assertThat(patch(id, "{\"op\":\"Add\",\"path\":\"emails\",\"value\":[{\"value\":\"e@example.com\"}]}").status())
				.isEqualTo(200);
			var reactivatedAndRenamed = patch(id, """
					{"op":"Replace","path":"active","value":true},{"op":"Replace","path":"userName","value":"y@example.com"}""");
			assertThat(reactivatedAndRenamed.status()).isEqualTo(200);
			assertThat(server.user(id).orElseThrow().userName()).isEqualTo("y@example.com");
		}

		@Test
		void companyAdminDeactivationCanBeBlocked() {
			String admin = server.seedUser(SeedUser.member("admin@example.com").withOrgAdmin(true));
			server.seedUser(SeedUser.member("admin2@example.com").withOrgAdmin(true));
			server.updateSettings((s) -> s.blockAdminDeactivation(true));
			assertError(patch(admin, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}"), 409, null);
			server.updateSettings((s) -> s.blockAdminDeactivation(false));
			assertThat(patch(admin, "{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}").status()).isEqualTo(200);
		}

		@Test
		void malformedPatchesAreRejected() {
			String id = create("{\"userName\":\"x@example.com\"}");
			assertError(client.patch("/Users/" + id, "{\"Operations\":[]}"), 400, "invalidSyntax");
			assertError(patch(id, "{\"op\":\"move\",\"path\":\"displayName\",\"value\":\"x\"}"), 400, "invalidSyntax");
			assertError(patch(id, "{\"op\":\"remove\"}"), 400, "noTarget");
			assertError(client.patch("/Users/" + id, "{not json"), 400, "invalidSyntax");
			assertError(patch("1", "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"), 404, null);
		}

	}

	@Nested
	class ReplaceAndDelete {

		@Test
		void putReplacesTheResourceAndKeepsLicenseRulesAndId() {
			String id = create("{\"userName\":\"x@example.com\",\"displayName\":\"Old\",\"" + ENTERPRISE
					+ "\":{\"department\":\"Dep\"}}");
			var replaced = client.put("/Users/" + id, "{\"userName\":\"x@example.com\",\"displayName\":\"New\"}");
			assertThat(replaced.status()).isEqualTo(200);
			assertThat(replaced.id()).isEqualTo(id);
			assertThat(replaced.json().path("displayName").asText()).isEqualTo("New");
			assertThat(replaced.json().has(ENTERPRISE)).isFalse();
			assertError(client.put("/Users/" + id, "{\"userName\":\"x@example.com\",\"userType\":\"Free\"}"), 400,
					"invalidValue");
			assertError(client.put("/Users/404", "{\"userName\":\"x@example.com\"}"), 404, null);
		}

		@Test
		void theLastCompanyAdminCannotBeDeleted() {
			String admin = server.seedUser(SeedUser.member("admin@example.com").withOrgAdmin(true));
			assertError(client.delete("/Users/" + admin), 409, null);
			String second = server.seedUser(SeedUser.member("admin2@example.com").withOrgAdmin(true));
			assertThat(client.delete("/Users/" + admin).status()).isEqualTo(204);
			assertError(client.delete("/Users/" + second), 409, null);
		}

		@Test
		void theLastTeamAdminCannotBeDeleted() {
			String team = server.seedTeam("Engineering");
			String lead = server.seedUser(SeedUser.member("lead@example.com").withAdminOfTeams(team));
			assertError(client.delete("/Users/" + lead), 409, null);
			assertThat(server.team(team).orElseThrow().memberIds()).containsExactly(lead);
		}

		@Test
		void deleteRemovesFromTeamsAndUnknownIdsAre404() {
			String team = server.seedTeam("Engineering");
			String id = server.seedUser(SeedUser.member("x@example.com").withTeams("Engineering"));
			assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);
			assertThat(server.team(team).orElseThrow().memberIds()).isEmpty();
			assertError(client.delete("/Users/" + id), 404, null);
		}

		@Test
		void guestsAreInvisible() {
			String guest = server.seedUser(SeedUser.member("guest@partner.org").withGuest(true));
			create("{\"userName\":\"member@example.com\"}");
			assertError(client.get("/Users/" + guest), 404, null);
			assertError(patch(guest, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"), 404, null);
			assertError(client.put("/Users/" + guest, "{\"userName\":\"guest@partner.org\"}"), 404, null);
			assertError(client.delete("/Users/" + guest), 404, null);
			JsonNode list = client.get("/Users").json();
			assertThat(list.path("totalResults").asInt()).isEqualTo(1);
			assertThat(client.get("/Users?filter=" + q("userName eq \"guest@partner.org\"")).json().path("totalResults").asInt())
				.isZero();
			assertThat(server.user(guest).orElseThrow().guest()).isTrue();
		}

	}

	@Nested
	class ListAndQuery {

		List<String> createMany(int n) {
			List<String> ids = new ArrayList<>();
			for (int i = 1; i <= n; i++) {
				ids.add(create("{\"userName\":\"user%02d@example.com\",\"displayName\":\"User %02d\"}".formatted(i, i)));
			}
			return ids;
		}

		@Test
		void pagingIsOneBasedWithDefaultsAndCaps() {
			List<String> ids = createMany(12);
			JsonNode page = client.get("/Users?startIndex=11&count=5").json();
			assertThat(page.path("totalResults").asInt()).isEqualTo(12);
			assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
			assertThat(page.path("startIndex").asInt()).isEqualTo(11);
			assertThat(page.path("Resources").get(0).path("id").asText()).isEqualTo(ids.get(10));
			JsonNode totalsOnly = client.get("/Users?count=0").json();
			assertThat(totalsOnly.path("totalResults").asInt()).isEqualTo(12);
			assertThat(totalsOnly.has("Resources")).isFalse();
			server.updateSettings((s) -> s.maxPageSize(5).defaultPageSize(3));
			assertThat(client.get("/Users?count=9999").json().path("Resources")).hasSize(5);
			assertThat(client.get("/Users").json().path("Resources")).hasSize(3);
		}

		@Test
		void sortByAndSortOrder() {
			createMany(3);
			JsonNode sorted = client.get("/Users?sortBy=userName&sortOrder=descending").json();
			assertThat(sorted.path("Resources").get(0).path("userName").asText()).isEqualTo("user03@example.com");
			assertThat(sorted.path("Resources").get(2).path("userName").asText()).isEqualTo("user01@example.com");
		}

		@Test
		void attributesAndExcludedAttributesProjectTheResult() {
			String id = create("{\"userName\":\"x@example.com\",\"displayName\":\"X\",\"" + ENTERPRISE
					+ "\":{\"department\":\"Dep\",\"costCenter\":\"CC\"}}");
			JsonNode projected = client.get("/Users/" + id + "?attributes=" + q("userName,emails.value," + ENTERPRISE + ":department")).json();
			assertThat(projected.path("id").asText()).isEqualTo(id);
			assertThat(projected.path("userName").asText()).isEqualTo("x@example.com");
			assertThat(projected.has("displayName")).isFalse();
			assertThat(projected.path("emails").get(0).has("type")).isFalse();
			assertThat(projected.path("emails").get(0).path("value").asText()).isEqualTo("x@example.com");
			assertThat(projected.path(ENTERPRISE).path("department").asText()).isEqualTo("Dep");
			assertThat(projected.path(ENTERPRISE).has("costCenter")).isFalse();
			JsonNode listed = client.get("/Users?attributes=userName").json().path("Resources").get(0);
			assertThat(listed.has("active")).isFalse();
			JsonNode excluded = client.get("/Users/" + id + "?excludedAttributes=groups,roles").json();
			assertThat(excluded.has("roles")).isFalse();
			assertThat(excluded.has("groups")).isFalse();
			assertThat(excluded.path("userName").asText()).isEqualTo("x@example.com");
		}

	}

}

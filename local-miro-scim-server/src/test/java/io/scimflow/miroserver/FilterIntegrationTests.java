package io.scimflow.miroserver;

import static io.scimflow.miroserver.ScimClient.q;
import static io.scimflow.miroserver.UserProtocolIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GET /Users?filter=… over HTTP: the full operator set, and/or/not, grouping, attribute names
 * in any case, extension attributes and groups.value (reference 2.3). One table row per
 * filter: the filter and the userNames (local parts) it must return, in creation order.
 */
class FilterIntegrationTests {

	static LocalMiroScimServer server;

	static ScimClient client;

	static String engineering;

	@BeforeAll
	static void start() {
		server = LocalMiroScimServer.start(MiroServerSettings.builder().rateLimitsEnabled(false).build());
		client = new ScimClient(server);
		engineering = server.seedTeam("Engineering");
		create("{\"userName\":\"ann@corp.com\",\"displayName\":\"Ann Archer\",\"userType\":\"Full\","
				+ "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"IT\",\"employeeNumber\":\"100\"}}");
		create("{\"userName\":\"bob@corp.com\",\"displayName\":\"Bob Baker\",\"userType\":\"Free\","
				+ "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Sales\",\"employeeNumber\":\"200\"}}");
		create("{\"userName\":\"cid@other.org\",\"displayName\":\"Cid Carter\",\"userType\":\"Free Restricted\",\"active\":false}");
		String ann = server.userByUserName("ann@corp.com").orElseThrow().id();
		client.patch("/Groups/" + engineering, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
				+ "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]}");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static void create(String json) {
		assertThat(client.post("/Users", json).status()).isEqualTo(201);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			userName eq "ann@corp.com"                                  | ann
			userName eq "ANN@CORP.COM"                                  | ann
			USERNAME Eq "bob@corp.com"                                  | bob
			userName ne "ann@corp.com"                                  | bob,cid
			displayName co "a"                                          | ann,bob,cid
			displayName co "Bak"                                        | bob
			userName sw "c"                                             | cid
			userName ew "corp.com"                                      | ann,bob
			displayName pr                                              | ann,bob,cid
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr | ann,bob
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "it" | ann
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber gt "150" | bob
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber ge "200" | bob
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber lt "150" | ann
			urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber le "200" | ann,bob
			active eq true                                              | ann,bob
			active eq false and userType eq "Free Restricted"           | cid
			userType ne "Full"                                          | bob,cid
			userName eq "ann@corp.com" or userName eq "cid@other.org"   | ann,cid
			not (userName ew "corp.com")                                | cid
			(userType eq "Full" or userType eq "Free") and active eq true | ann,bob
			emails[type eq "work" and value co "other"]                 | cid
			emails.value sw "bob"                                       | bob
			roles[value eq "ORGANIZATION_INTERNAL_USER"]                | ann,bob,cid
			userName eq "nobody@corp.com"                               | ''
			""")
	void filtersSelectTheRightUsers(String filter, String expected) {
		JsonNode list = client.get("/Users?filter=" + q(filter)).json();
		List<String> names = new ArrayList<>();
		list.path("Resources").forEach((u) -> names.add(u.path("userName").asText().split("@")[0]));
		List<String> wanted = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
		assertThat(names).as(filter).containsExactlyElementsOf(wanted);
		assertThat(list.path("totalResults").asInt()).isEqualTo(wanted.size());
	}

	@Test
	void groupsValueFindsTeamMembers() {
		JsonNode list = client.get("/Users?filter=" + q("groups.value eq \"" + engineering + "\"")).json();
		assertThat(list.path("totalResults").asInt()).isEqualTo(1);
		assertThat(list.path("Resources").get(0).path("userName").asText()).isEqualTo("ann@corp.com");
	}

	@Test
	void invalidFiltersAre400InvalidFilter() {
		assertError(client.get("/Users?filter=" + q("userName eq")), 400, "invalidFilter");
		assertError(client.get("/Users?filter=" + q("userName zz \"x\"")), 400, "invalidFilter");
		assertError(client.get("/Groups?filter=" + q("(displayName eq \"x\"")), 400, "invalidFilter");
	}

}

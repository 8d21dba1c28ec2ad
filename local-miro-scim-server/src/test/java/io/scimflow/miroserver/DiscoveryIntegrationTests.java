package io.scimflow.miroserver;

import static io.scimflow.miroserver.ScimClient.q;
import static io.scimflow.miroserver.UserProtocolIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** /ServiceProviderConfig, /ResourceTypes and /Schemas declare what the server supports (reference 1). */
class DiscoveryIntegrationTests {

	static LocalMiroScimServer server;

	static ScimClient client;

	@BeforeAll
	static void start() {
		server = LocalMiroScimServer.start();
		client = new ScimClient(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void serviceProviderConfigDeclaresMirosFeatures() {
		JsonNode config = client.get("/ServiceProviderConfig").json();
		assertThat(config.path("schemas").get(0).asText())
			.isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
		assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
		assertThat(config.path("bulk").path("supported").asBoolean()).isFalse();
		assertThat(config.path("filter").path("supported").asBoolean()).isTrue();
		assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(200);
		assertThat(config.path("changePassword").path("supported").asBoolean()).isFalse();
		assertThat(config.path("sort").path("supported").asBoolean()).isTrue();
		assertThat(config.path("etag").path("supported").asBoolean()).isFalse();
		assertThat(config.path("authenticationSchemes").get(0).path("type").asText()).isEqualTo("oauthbearertoken");
	}

	@Test
	void resourceTypesListUserWithTheEnterpriseExtensionAndGroup() {
		JsonNode types = client.get("/ResourceTypes").json();
		assertThat(types.path("totalResults").asInt()).isEqualTo(2);
		JsonNode user = client.get("/ResourceTypes/User").json();
		assertThat(user.path("endpoint").asText()).isEqualTo("/Users");
		assertThat(user.path("schemaExtensions").get(0).path("schema").asText())
			.isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
		assertThat(user.path("schemaExtensions").get(0).path("required").asBoolean()).isFalse();
		assertThat(client.get("/ResourceTypes/Group").json().path("endpoint").asText()).isEqualTo("/Groups");
		assertError(client.get("/ResourceTypes/Device"), 404, null);
	}

	@Test
	void schemasDescribeTheThreeSchemas() {
		JsonNode schemas = client.get("/Schemas").json();
		List<String> ids = new ArrayList<>();
		schemas.path("Resources").forEach((s) -> ids.add(s.path("id").asText()));
		assertThat(ids).containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
				"urn:ietf:params:scim:schemas:core:2.0:Group",
				"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
		JsonNode enterprise = client.get("/Schemas/" + q("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")).json();
		assertThat(enterprise.path("attributes").get(0).path("name").asText()).isEqualTo("employeeNumber");
		JsonNode user = client.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();
		JsonNode userName = user.path("attributes").get(0);
		assertThat(userName.path("name").asText()).isEqualTo("userName");
		assertThat(userName.path("required").asBoolean()).isTrue();
		assertThat(userName.path("uniqueness").asText()).isEqualTo("server");
		assertThat(userName.path("mutability").asText()).isEqualTo("readWrite");
		assertError(client.get("/Schemas/urn:unknown"), 404, null);
	}

}

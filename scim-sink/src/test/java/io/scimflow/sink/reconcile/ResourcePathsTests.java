package io.scimflow.sink.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourcePathsTests {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void readsSimpleSubAttributeFilteredAndExtensionPathsWithoutCase() throws Exception {
        ObjectNode user = (ObjectNode) new ObjectMapper().readTree("""
                {"userName":"a@x.com","Name":{"givenName":"Ann"},
                 "emails":[{"type":"home","value":"h@x.com"},{"type":"work","value":"w@x.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"IT","manager":{"value":"7"}}}
                """);
        assertThat(ResourcePaths.read(user, "USERNAME").asText()).isEqualTo("a@x.com");
        assertThat(ResourcePaths.read(user, "name.givenName").asText()).isEqualTo("Ann");
        assertThat(ResourcePaths.read(user, "emails[type eq \"work\"].value").asText()).isEqualTo("w@x.com");
        assertThat(ResourcePaths.read(user, ENTERPRISE + ":department").asText()).isEqualTo("IT");
        assertThat(ResourcePaths.read(user, ENTERPRISE + ":manager.value").asText()).isEqualTo("7");
        assertThat(ResourcePaths.read(user, "title")).isNull();
        assertThat(ResourcePaths.read(user, "name.familyName")).isNull();
    }

    @Test
    void writesCreatingContainersFilteredElementsAndListingTheExtensionSchema() {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        ResourcePaths.write(user, "name.familyName", NODES.textNode("Doe"));
        ResourcePaths.write(user, "emails[type eq \"work\"].value", NODES.textNode("w@x.com"));
        ResourcePaths.write(user, ENTERPRISE + ":department", NODES.textNode("IT"));
        assertThat(user.toString()).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
                + "\"name\":{\"familyName\":\"Doe\"},\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"w@x.com\"}],"
                + "\"" + ENTERPRISE + "\":{\"department\":\"IT\"}}");
    }

    @Test
    void aFilterOnTrueFindsTheElementWhoseSubAttributeIsTheBooleanTrue() throws Exception {
        ObjectNode user = (ObjectNode) new ObjectMapper().readTree("""
                {"roles":[{"value":"Content Admin","type":"organization_admin_role","primary":false},
                          {"value":"ORGANIZATION_INTERNAL_USER","type":"organization_user_role","primary":true}]}
                """);
        assertThat(ResourcePaths.read(user, "roles[primary eq \"True\"].value").asText()).isEqualTo("ORGANIZATION_INTERNAL_USER");
        assertThat(ResourcePaths.read(user, "roles[primary eq true].type").asText()).isEqualTo("organization_user_role");
        assertThat(ResourcePaths.read(user, "roles[primary eq \"False\"].value").asText()).isEqualTo("Content Admin");
    }

    @Test
    void writesABooleanFilterValueAsABoolean() {
        ObjectNode user = NODES.objectNode();
        ResourcePaths.write(user, "roles[primary eq \"True\"].value", NODES.textNode("ORGANIZATION_INTERNAL_USER"));
        ResourcePaths.write(user, "roles[primary eq \"True\"].type", NODES.textNode("organization_user_role"));
        assertThat(user.toString()).isEqualTo(
                "{\"roles\":[{\"primary\":true,\"value\":\"ORGANIZATION_INTERNAL_USER\",\"type\":\"organization_user_role\"}]}");
    }
}

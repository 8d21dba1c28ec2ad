package io.scimflow.sink.scim;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scimflow.sink.reconcile.AttributeChange;
import io.scimflow.sink.target.PatchStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatchBodiesTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":";

    @Nested
    class Rfc7644 {

        private final PatchBodies bodies = new PatchBodies(PatchStyle.RFC7644);

        @Test
        void replacesWithLowercaseOpsAndJsonBooleans() {
            String body = bodies.attributes(List.of(new AttributeChange("active", NODES.booleanNode(true), NODES.booleanNode(false)),
                    new AttributeChange("displayName", null, NODES.textNode("B")))).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
                    + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"B\"}]}");
        }

        @Test
        void writesBooleanLiteralsInValueFiltersOfPaths() {
            String body = bodies.attributes(List.of(new AttributeChange("roles[primary eq \"True\"].value", null,
                    NODES.textNode("ORGANIZATION_INTERNAL_ADMIN")))).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"replace\",\"path\":\"roles[primary eq true].value\","
                    + "\"value\":\"ORGANIZATION_INTERNAL_ADMIN\"}]}");
            assertThat(bodies.filterLiterals("roles[primary eq \"FALSE\"].value")).isEqualTo("roles[primary eq false].value");
            assertThat(bodies.filterLiterals("emails[type eq \"work\"].value")).isEqualTo("emails[type eq \"work\"].value");
            assertThat(bodies.filterLiterals("roles[primary eq true].value")).isEqualTo("roles[primary eq true].value");
        }

        @Test
        void removesAnAttributeWhoseDesiredValueIsNull() {
            String body = bodies.attributes(List.of(new AttributeChange("title", NODES.textNode("x"), null))).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"remove\",\"path\":\"title\"}]}");
        }

        @Test
        void addsMembersInOneOperationAndRemovesEachWithAValueFilterPath() {
            String body = bodies.members(List.of("1", "2"), List.of("3")).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"1\"},{\"value\":\"2\"}]},"
                    + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"3\\\"]\"}]}");
        }
    }

    @Nested
    class EntraLegacy {

        private final PatchBodies bodies = new PatchBodies(PatchStyle.ENTRA_LEGACY);

        @Test
        void capitalisesOpsAndSendsBooleansAsStrings() {
            String body = bodies.attributes(List.of(new AttributeChange("active", null, NODES.booleanNode(false)))).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}");
        }

        @Test
        void keepsEntrasStringFormInValueFilters() {
            String body = bodies.attributes(List.of(new AttributeChange("roles[primary eq \"True\"].value", null,
                    NODES.textNode("ORGANIZATION_INTERNAL_ADMIN")))).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"Replace\",\"path\":\"roles[primary eq \\\"True\\\"].value\","
                    + "\"value\":\"ORGANIZATION_INTERNAL_ADMIN\"}]}");
            assertThat(bodies.filterLiterals("roles[primary eq false].value")).isEqualTo("roles[primary eq \"False\"].value");
        }

        @Test
        void removesMembersWithAValueList() {
            String body = bodies.members(List.of(), List.of("3", "4")).toString();
            assertThat(body).isEqualTo(PATCH_OP + "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"3\"},{\"value\":\"4\"}]}]}");
        }
    }
}

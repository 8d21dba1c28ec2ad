package io.scimflow.rules.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.decision.UserAction;
import io.scimflow.rules.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewServiceTests {

	private final PreviewService preview = new PreviewService(ProvisioningRules.of(AppConfigLoader.miroDefault()));

	private static SourceObject ada(Object... overrides) {
		Map<String, Object> json = new LinkedHashMap<>(Map.of("id", "u-ada", "userPrincipalName", "ada@contoso.com",
				"givenName", "Ada", "surname", "Lovelace", "displayName", "Ada Lovelace", "department", "R&D", "manager",
				"u-babbage", "appRoleAssignments", List.of(Map.of("appRoleId", "r1", "appRoleValue", "User"))));
		for (int i = 0; i < overrides.length; i += 2) {
			json.put((String) overrides[i], overrides[i + 1]);
		}
		return SourceObjectMaps.user(json);
	}

	@Test
	void createRequestIsTheScimUserMiroWouldReceive() {
		PreviewResult result = this.preview.previewUser(ada());
		assertThat(result.decision().action()).isEqualTo(UserAction.UPSERT);
		assertThat(result.createRequest()).isEqualTo(Map.of(
				"schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User",
						"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
				"userName", "ada@contoso.com", "active", true, "displayName", "Ada Lovelace",
				"name", Map.of("givenName", "Ada", "familyName", "Lovelace"),
				"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
				Map.of("department", "R&D", "manager", Map.of("value", "<target id of user u-babbage>")),
				"roles", List.of(Map.of("primary", true, "value", "ORGANIZATION_INTERNAL_USER", "type", "organization_user_role"))));
	}

	@Test
	@SuppressWarnings("unchecked")
	void updateRequestIsAPatchOfTheAlwaysAttributes() {
		Map<String, Object> patch = this.preview.previewUser(ada()).updateRequest();
		assertThat(patch.get("schemas")).isEqualTo(List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"));
		assertThat((List<Object>) patch.get("Operations")).contains(
				Map.of("op", "replace", "path", "name.givenName", "value", "Ada"),
				Map.of("op", "replace", "path", "active", "value", true),
				Map.of("op", "replace", "path", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
						"value", Map.of("value", "<target id of user u-babbage>")));
	}

	@Test
	void anUnassignedUserPreviewsAsADisable() {
		PreviewResult result = this.preview.previewUser(ada("appRoleAssignments", List.of()));
		assertThat(result.decision().action()).isEqualTo(UserAction.DISABLE);
		assertThat(result.createRequest()).isNull();
		assertThat(result.updateRequest()).isEqualTo(Map.of("schemas",
				List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
				List.of(Map.of("op", "replace", "path", "active", "value", false))));
		Map<String, Object> map = PreviewService.toMap(result);
		assertThat(map.get("action")).isEqualTo("DISABLE");
		assertThat(map.get("reason")).isEqualTo("not assigned to the app");
	}

	@Test
	void evaluatesOneExpressionWithVirtualAttributes() {
		assertThat(this.preview.evaluate("Join(\" \", [givenName], [surname])", ada())).isEqualTo("Ada Lovelace");
		assertThat(this.preview.evaluate("Not([IsSoftDeleted])", ada())).isEqualTo(true);
		assertThat(this.preview.evaluate("SingleAppRoleAssignment([appRoleAssignments])", ada())).isEqualTo("User");
		assertThat(this.preview.evaluate("Redact([mail])", ada("mail", "a@b"))).isEqualTo("[Redact]");
	}

	@Test
	void rejectsBadUserJson() {
		assertThatThrownBy(() -> SourceObjectMaps.user(Map.of("lifecycle", "GONE"))).hasMessageContaining("lifecycle");
		assertThatThrownBy(() -> SourceObjectMaps.user(Map.of("appRoleAssignments", List.of(Map.of()))))
			.hasMessageContaining("appRoleAssignments[0] needs an appRoleId");
	}

}

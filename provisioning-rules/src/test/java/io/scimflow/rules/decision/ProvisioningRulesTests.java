package io.scimflow.rules.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.scimflow.rules.config.AppConfig;
import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.mapping.ApplyOn;
import io.scimflow.rules.mapping.MappedValue;
import io.scimflow.rules.mapping.MappingException;
import io.scimflow.rules.mapping.MatchingValue;
import io.scimflow.rules.mapping.ReferenceValue;
import io.scimflow.rules.scope.ScopeCheck;
import io.scimflow.rules.source.AppRoleAssignment;
import io.scimflow.rules.source.Lifecycle;
import io.scimflow.rules.source.MembershipFact;
import io.scimflow.rules.source.ObjectType;
import io.scimflow.rules.source.SourceObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningRulesTests {

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

	static final AppRoleAssignment USER_ROLE = AppRoleAssignment.direct("r-user", "User", "User");

	static final AppRoleAssignment DEFAULT_ACCESS = AppRoleAssignment.direct(AppRoleAssignment.DEFAULT_ACCESS_ROLE_ID,
			null, "Default Access");

	private final ProvisioningRules miro = rules(AppConfigLoader.miroDefault());

	static ProvisioningRules rules(AppConfig config) {
		return new ProvisioningRules(config, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
				new Random(7));
	}

	static SourceObject user(Lifecycle lifecycle, List<AppRoleAssignment> roles, Object... extra) {
		Map<String, Object> attributes = new HashMap<>(Map.of("userPrincipalName", "ada@contoso.com", "givenName", "Ada",
				"surname", "Lovelace", "displayName", "Ada Lovelace", "department", "R&D", "employeeId", "E42",
				"preferredLanguage", "en-GB", "manager", "m-1", "accountEnabled", true));
		for (int i = 0; i < extra.length; i += 2) {
			attributes.put((String) extra[i], extra[i + 1]);
		}
		return SourceObject.user("u-1", lifecycle, attributes, roles, List.of("g-1", "g-2"));
	}

	@Nested
	class MiroUsers {

		@Test
		void anAssignedUserIsUpsertedWithEveryMiroMapping() {
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE)));
			assertThat(d.action()).isEqualTo(UserAction.UPSERT);
			assertThat(d.displayName()).isEqualTo("ada@contoso.com");
			assertThat(d.matching()).containsExactly(new MatchingValue("userName", "ada@contoso.com", 1));
			assertThat(d.attributes()).containsExactly(
					always("userName", "ada@contoso.com"), always("active", true), always("displayName", "Ada Lovelace"),
					always("name.givenName", "Ada"), always("name.familyName", "Lovelace"),
					always("preferredLanguage", "en_GB"), always(ENTERPRISE + "department", "R&D"),
					always(ENTERPRISE + "employeeNumber", "E42"),
					always("roles[primary eq \"True\"].value", "ORGANIZATION_INTERNAL_USER"),
					always("roles[primary eq \"True\"].type", "organization_user_role"));
			assertThat(d.references())
				.containsExactly(new ReferenceValue(ENTERPRISE + "manager", ObjectType.USER, "m-1", ApplyOn.ALWAYS));
			assertThat(d.memberOfGroupIds()).containsExactly("g-1", "g-2");
			assertThat(d.scope().inScope()).isTrue();
		}

		@Test
		void anAdminRoleBecomesACompanyAdmin() {
			UserDecision d = ProvisioningRulesTests.this.miro
				.decideUser(user(Lifecycle.ACTIVE, List.of(AppRoleAssignment.direct("r-a", "Admin", "Admin"))));
			assertThat(d.attributes()).contains(always("roles[primary eq \"True\"].value", "ORGANIZATION_INTERNAL_ADMIN"));
		}

		@Test
		void aGroupAssignedUserIsUpserted() {
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.ACTIVE,
					List.of(AppRoleAssignment.viaGroup("r-user", "User", "User", "g-1", "Designers"))));
			assertThat(d.action()).isEqualTo(UserAction.UPSERT);
			assertThat(d.scope().reasons()).anySatisfy((r) -> {
				assertThat(r.check()).isEqualTo(ScopeCheck.ASSIGNMENT);
				assertThat(r.detail()).contains("via group Designers");
			});
		}

		@Test
		void aDefaultAccessOnlyUserIsDisabledBecauseMiroExcludesThem() {
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.ACTIVE, List.of(DEFAULT_ACCESS)));
			assertThat(d.action()).isEqualTo(UserAction.DISABLE);
			assertThat(d.reason()).contains("Default Access");
			assertThat(d.scope().softDeleted()).isTrue();
			assertThat(d.matching()).containsExactly(new MatchingValue("userName", "ada@contoso.com", 1));
			assertThat(d.attributes()).isEmpty();
		}

		@Test
		void anUnassignedUserIsDisabled() {
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.ACTIVE, List.of()));
			assertThat(d.action()).isEqualTo(UserAction.DISABLE);
			assertThat(d.reason()).isEqualTo("not assigned to the app");
		}

		@Test
		void aBlockedUserIsDisabled() {
			UserDecision d = ProvisioningRulesTests.this.miro
				.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE), "accountEnabled", false));
			assertThat(d.action()).isEqualTo(UserAction.DISABLE);
			assertThat(d.scope().inScope()).isTrue();
			assertThat(d.reason()).contains("accountEnabled=false");
		}

		@Test
		void aSoftDeletedUserIsDisabled() {
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.SOFT_DELETED, List.of(USER_ROLE)));
			assertThat(d.action()).isEqualTo(UserAction.DISABLE);
			assertThat(d.reason()).contains("soft-deleted");
		}

		@Test
		void aHardDeletedUserIsDeleted() {
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.HARD_DELETED, List.of()));
			assertThat(d.action()).isEqualTo(UserAction.DELETE);
			assertThat(d.matching()).extracting(MatchingValue::value).containsExactly("ada@contoso.com");
		}

		@Test
		void aUserWithoutAMatchingValueIsSkipped() {
			SourceObject noUpn = SourceObject.user("u-2", Lifecycle.ACTIVE, Map.of("displayName", "x"), List.of(USER_ROLE),
					List.of());
			UserDecision d = ProvisioningRulesTests.this.miro.decideUser(noUpn);
			assertThat(d.action()).isEqualTo(UserAction.NONE);
			assertThat(d.reason()).contains("no matching attribute");
		}

	}

	@Nested
	class Settings {

		@Test
		void aUserFailingTheScopingFilterIsDisabled() {
			ProvisioningRules rules = rules(config("""
					  scopingFilters:
					    - name: R&D only
					      clauses:
					        - {attribute: department, operator: EQUALS, value: R&D}
					""", ""));
			assertThat(rules.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE))).action()).isEqualTo(UserAction.UPSERT);
			UserDecision d = rules.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE), "department", "Sales"));
			assertThat(d.action()).isEqualTo(UserAction.DISABLE);
			assertThat(d.reason()).contains("R&D only").contains("department EQUALS R&D");
		}

		@Test
		void skipOutOfScopeDeletionsLeavesOutOfScopeUsersAlone() {
			ProvisioningRules rules = rules(config("", "  skipOutOfScopeDeletions: true\n"));
			assertThat(rules.decideUser(user(Lifecycle.ACTIVE, List.of())).action()).isEqualTo(UserAction.NONE);
			assertThat(rules.decideUser(user(Lifecycle.SOFT_DELETED, List.of(USER_ROLE))).action())
				.isEqualTo(UserAction.DISABLE);
		}

		@Test
		void outOfScopeUsersCanBeDeleted() {
			ProvisioningRules rules = rules(config("", "  outOfScopeAction: delete\n"));
			assertThat(rules.decideUser(user(Lifecycle.ACTIVE, List.of())).action()).isEqualTo(UserAction.DELETE);
		}

		@Test
		void syncAllIgnoresAssignment() {
			ProvisioningRules rules = rules(config("", "  assignment: all\n"));
			assertThat(rules.decideUser(user(Lifecycle.ACTIVE, List.of())).action()).isEqualTo(UserAction.UPSERT);
		}

		@Test
		void defaultAccessCountsAsARoleUnlessExcluded() {
			ProvisioningRules rules = rules(config("", ""));
			assertThat(rules.decideUser(user(Lifecycle.ACTIVE, List.of(DEFAULT_ACCESS))).action())
				.isEqualTo(UserAction.UPSERT);
		}

		@Test
		void deleteActionOffMeansNoDelete() {
			ProvisioningRules rules = rules(config("  actions: [create, update]\n", ""));
			UserDecision d = rules.decideUser(user(Lifecycle.HARD_DELETED, List.of()));
			assertThat(d.action()).isEqualTo(UserAction.NONE);
			assertThat(d.reason()).contains("Delete target action is off");
		}

		@Test
		void defaultsAreSentOnCreateOnlyAndRedactedValuesAreMarked() {
			ProvisioningRules rules = rules(config("", ""));
			UserDecision d = rules.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE)));
			assertThat(d.attributes()).contains(new MappedValue("nickName", "none", ApplyOn.CREATE_ONLY, false, false),
					new MappedValue("title", "Staff", ApplyOn.CREATE_ONLY, false, false),
					new MappedValue("externalId", "E42", ApplyOn.ALWAYS, true, false));
			assertThat(d.attributes()).extracting(MappedValue::path).doesNotContain("locale");
		}

		@Test
		void passwordsAndMappingsMarkedSensitiveAreSensitive() {
			ProvisioningRules rules = rules(config("", "", """
					    - {target: password, expression: 'RandomString(12, 2, 2, 2, 2)'}
					    - {target: "urn:example:params:scim:schemas:extension:corp:2.0:User:credentials.password", source: pin}
					    - {target: displayName, source: employeeId, sensitive: true}
					    - {target: profileUrl, source: department, sensitive: false}
					"""));
			UserDecision d = rules.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE), "pin", "1234"));
			assertThat(d.attributes()).filteredOn(MappedValue::sensitive)
				.extracting(MappedValue::path)
				.containsExactlyInAnyOrder("password",
						"urn:example:params:scim:schemas:extension:corp:2.0:User:credentials.password", "displayName",
						"externalId");
			assertThat(d.attributes()).filteredOn((a) -> a.path().equals("displayName"))
				.singleElement()
				.satisfies((a) -> {
					assertThat(a.value()).isEqualTo("E42");
					assertThat(a.displayValue()).isEqualTo("[Redact]");
				});
			assertThat(d.attributes()).filteredOn((a) -> a.path().equals("profileUrl"))
				.singleElement()
				.satisfies((a) -> assertThat(a.sensitive()).isFalse());
		}

		@Test
		void everyUserDecisionCarriesTheUsersTargetActions() {
			ProvisioningRules updateOnly = rules(config("  actions: [update, delete]\n", ""));
			UserDecision upsert = updateOnly.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE)));
			assertThat(upsert.action()).isEqualTo(UserAction.UPSERT);
			assertThat(upsert.createAllowed()).isFalse();
			assertThat(upsert.updateAllowed()).isTrue();
			UserDecision disable = updateOnly.decideUser(user(Lifecycle.SOFT_DELETED, List.of(USER_ROLE)));
			assertThat(disable.action()).isEqualTo(UserAction.DISABLE);
			assertThat(disable.createAllowed()).isFalse();
			ProvisioningRules createOnly = rules(config("  actions: [create]\n", ""));
			UserDecision created = createOnly.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE)));
			assertThat(created.action()).isEqualTo(UserAction.UPSERT);
			assertThat(created.createAllowed()).isTrue();
			assertThat(created.updateAllowed()).isFalse();
			UserDecision miro = ProvisioningRulesTests.this.miro.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE)));
			assertThat(miro.createAllowed()).isTrue();
			assertThat(miro.updateAllowed()).isTrue();
		}

		@Test
		void aFailingExpressionIsAMappingError() {
			ProvisioningRules rules = rules(config("", ""));
			assertThatThrownBy(() -> rules.decideUser(user(Lifecycle.ACTIVE, List.of(USER_ROLE), "hireDate", "soon")))
				.isInstanceOfSatisfying(MappingException.class, (ex) -> {
					assertThat(ex.targetPath()).isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization");
					assertThat(ex.errorCode()).isEqualTo("EXPR-2004");
				});
		}

		private AppConfig config(String userSettings, String scopeSettings) {
			return config(userSettings, scopeSettings, "");
		}

		private AppConfig config(String userSettings, String scopeSettings, String extraMappings) {
			return new AppConfigLoader().parse("target: generic-scim\nscope:\n  excludeDefaultAccessOnly: false\n"
					+ scopeSettings + "users:\n" + userSettings + """
					  mappings:
					    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}
					    - {target: active, expression: 'Not([IsSoftDeleted])'}
					    - {target: nickName, default: none}
					    - {target: title, source: jobTitle, default: Staff}
					    - {target: externalId, expression: 'Redact([employeeId])'}
					    - {target: locale, expression: 'IgnoreFlowIfNullOrEmpty([usageLocation])'}
					    - target: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization"
					      expression: 'IIF(IsPresent([hireDate]), CStr(CDate([hireDate])), "")'
					""" + extraMappings, "test.yaml");
		}

	}

	@Nested
	class Groups {

		private SourceObject group(Lifecycle lifecycle, List<AppRoleAssignment> roles) {
			return SourceObject.group("g-1", lifecycle, Map.of("displayName", "Designers"), roles);
		}

		@Test
		void anAssignedGroupIsUpsertedAndTheMiroSinkDecidesWhetherItCanBeCreated() {
			GroupDecision d = ProvisioningRulesTests.this.miro.decideGroup(group(Lifecycle.ACTIVE, List.of(DEFAULT_ACCESS)));
			assertThat(d.action()).isEqualTo(GroupAction.UPSERT_GROUP);
			assertThat(d.createAllowed()).isTrue();
			assertThat(d.updateAllowed()).isTrue();
			assertThat(d.matching()).containsExactly(new MatchingValue("displayName", "Designers", 1));
			assertThat(d.attributes()).containsExactly(always("displayName", "Designers"));
		}

		@Test
		void anUnassignedGroupBecomesADeleteThatTheMiroSinkDrops() {
			GroupDecision d = ProvisioningRulesTests.this.miro.decideGroup(group(Lifecycle.ACTIVE, List.of()));
			assertThat(d.action()).isEqualTo(GroupAction.DELETE_GROUP);
		}

		@Test
		void withTheDeleteActionOffAnUnassignedGroupIsLeftAlone() {
			ProvisioningRules updateOnly = rules(new AppConfigLoader().parse("""
					target: miro
					users:
					  mappings:
					    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}
					groups:
					  actions: [update]
					  mappings:
					    - {target: displayName, source: displayName, matchingPrecedence: 1}
					""", "update-only.yaml"));
			GroupDecision d = updateOnly.decideGroup(group(Lifecycle.ACTIVE, List.of()));
			assertThat(d.action()).isEqualTo(GroupAction.NONE);
			assertThat(d.reason()).contains("Delete target action is off");
		}

		@Test
		void aHardDeletedGroupIsDeletedWhereAllowed() {
			ProvisioningRules generic = rules(new AppConfigLoader().loadResource("apps/generic-scim.yaml"));
			assertThat(generic.decideGroup(group(Lifecycle.HARD_DELETED, List.of())).action())
				.isEqualTo(GroupAction.DELETE_GROUP);
			assertThat(generic.decideGroup(group(Lifecycle.ACTIVE, List.of(DEFAULT_ACCESS))).attributes())
				.contains(always("externalId", "g-1"));
		}

		@Test
		void membershipsBecomeMemberChanges() {
			assertThat(ProvisioningRulesTests.this.miro
				.decideMembership(new MembershipFact("g-1", "u-1", MembershipFact.MemberType.USER, true)))
				.isEqualTo(new MembershipDecision("g-1", MembershipAction.ADD_MEMBERS, List.of("u-1"), true, true,
						"user u-1 is a direct member"));
			assertThat(ProvisioningRulesTests.this.miro
				.decideMembership(new MembershipFact("g-1", "u-1", MembershipFact.MemberType.USER, false))
				.action()).isEqualTo(MembershipAction.REMOVE_MEMBERS);
		}

		@Test
		void nestedGroupsAreNotProvisioned() {
			MembershipDecision d = ProvisioningRulesTests.this.miro
				.decideMembership(new MembershipFact("g-1", "g-9", MembershipFact.MemberType.GROUP, true));
			assertThat(d.action()).isEqualTo(MembershipAction.NONE);
			assertThat(d.reason()).contains("nested groups");
		}

	}

	static MappedValue always(String path, Object value) {
		return new MappedValue(path, value, ApplyOn.ALWAYS, false, false);
	}

}

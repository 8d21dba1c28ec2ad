package io.scimflow.rules.config;

import java.util.List;

import io.scimflow.rules.mapping.AttributeMapping;
import io.scimflow.rules.mapping.MappingType;
import io.scimflow.rules.scope.AssignmentScope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigLoaderTests {

	private final AppConfigLoader loader = new AppConfigLoader();

	@Test
	void loadsTheBundledMiroConfiguration() {
		AppConfig miro = AppConfigLoader.miroDefault();
		assertThat(miro.targetProfile()).isEqualTo("miro");
		assertThat(miro.source()).isEqualTo("classpath:apps/miro.yaml");
		assertThat(miro.scope().assignment()).isEqualTo(AssignmentScope.ASSIGNED_ONLY);
		assertThat(miro.scope().excludeDefaultAccessOnly()).isTrue();
		assertThat(miro.users().matchingMappings()).extracting((m) -> m.target().text()).containsExactly("userName");
		assertThat(miro.users().mappings()).extracting((m) -> m.target().text())
			.contains("active", "name.givenName", "name.familyName", "displayName", "preferredLanguage",
					"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
					"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
					"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
					"roles[primary eq \"True\"].value");
		assertThat(miro.groups().enabled()).isTrue();
		assertThat(miro.groups().actions().create()).isTrue();
		assertThat(miro.groups().actions().update()).isTrue();
		assertThat(miro.groups().actions().delete()).isTrue();
	}

	@Test
	void loadsTheGenericScimConfiguration() {
		AppConfig generic = this.loader.loadResource("apps/generic-scim.yaml");
		assertThat(generic.targetProfile()).isEqualTo("generic-scim");
		assertThat(generic.users().mappings()).anySatisfy((m) -> {
			assertThat(m.target().text()).isEqualTo("roles");
			assertThat(m.type()).isEqualTo(MappingType.EXPRESSION);
		});
	}

	@Test
	void readsEveryMappingKind() {
		AppConfig config = this.loader.parse("""
				target: generic-scim
				users:
				  actions: [create, update]
				  scopingFilters:
				    - name: Sales
				      clauses:
				        - {attribute: department, operator: EQUALS, value: Sales}
				        - {attribute: extensionAttribute1, operator: IS NOT NULL}
				    - clauses:
				        - {attribute: level, operator: Greater_Than, value: "4"}
				  mappings:
				    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}
				    - {target: externalId, source: employeeId, matchingPrecedence: 2}
				    - {target: title, constant: Employee}
				    - {target: displayName, expression: 'Join(" ", [givenName], [surname])', default: Unknown}
				    - {target: nickName, default: none-yet}
				    - {target: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", reference: manager}
				    - {target: locale, source: preferredLanguage, apply: createOnly}
				""", "test.yaml");
		assertThat(config.users().actions().delete()).isFalse();
		assertThat(config.users().scopingFilter().groups()).hasSize(2);
		assertThat(config.users().scopingFilter().groups().get(1).name()).isEqualTo("filter 2");
		assertThat(config.users().mappings()).extracting(AttributeMapping::type)
			.containsExactly(MappingType.DIRECT, MappingType.DIRECT, MappingType.CONSTANT, MappingType.EXPRESSION,
					MappingType.NONE, MappingType.REFERENCE, MappingType.DIRECT);
		assertThat(config.groups().enabled()).isFalse();
	}

	@Nested
	class Errors {

		@Test
		void unknownFunctionNamesFileLineKeyAndPosition() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.parse("""
					target: miro
					users:
					  mappings:
					    - target: userName
					      source: userPrincipalName
					      matchingPrecedence: 1
					    - target: displayName
					      expression: Join(" ", [givenName], Jion([surname]))
					""", "apps/bad.yaml")).isInstanceOfSatisfying(ConfigException.class, (ex) -> {
				assertThat(ex.problems()).hasSize(1);
				ConfigProblem problem = ex.problems().get(0);
				assertThat(problem.source()).isEqualTo("apps/bad.yaml");
				assertThat(problem.line()).isEqualTo(8);
				assertThat(problem.keyPath()).isEqualTo("users.mappings[1].expression");
				assertThat(problem.message()).startsWith("EXPR-1008").contains("position 24").contains("^^^^");
				assertThat(ex.getMessage()).contains("apps/bad.yaml:8: users.mappings[1].expression: EXPR-1008");
			});
		}

		@Test
		void parseErrorsCarryTheirPosition() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.parse("""
					target: miro
					users:
					  mappings:
					    - target: userName
					      expression: Left([userPrincipalName], 3
					      matchingPrecedence: 1
					""", "a.yaml")).isInstanceOfSatisfying(ConfigException.class, (ex) -> {
				assertThat(ex.problems()).singleElement().satisfies((p) -> {
					assertThat(p.line()).isEqualTo(5);
					assertThat(p.message()).startsWith("EXPR-1007").contains("position 28");
				});
			});
		}

		@Test
		void reportsEveryProblemAtOnce() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.parse("""
					target: miro
					scpe: {}
					scope:
					  assignment: some
					users:
					  actions: [create, upsert]
					  scopingFilters:
					    - clauses:
					        - {attribute: department, operator: CONTAINS, value: x}
					        - {attribute: level, operator: Greater_Than, value: high}
					        - {attribute: mail, operator: REGEX MATCH, value: "(unclosed"}
					        - {attribute: mail, operator: EQUALS}
					  mappings:
					    - target: userName
					      source: ""
					      matchingPrecedence: 1
					    - target: "emails[type = work].value"
					      source: mail
					    - target: title
					      source: jobTitle
					      constant: x
					    - target: x
					""", "many.yaml")).isInstanceOfSatisfying(ConfigException.class, (ex) -> {
				assertThat(ex.problems()).extracting(ConfigProblem::keyPath)
					.containsExactlyInAnyOrder("scpe", "scope.assignment", "users.actions[1]",
							"users.scopingFilters[0].clauses[0].operator", "users.scopingFilters[0].clauses[1].value",
							"users.scopingFilters[0].clauses[2].value", "users.scopingFilters[0].clauses[3]",
							"users.mappings[0].source", "users.mappings[1].target", "users.mappings[2]",
							"users.mappings[3]");
				assertThat(ex.problems()).filteredOn((p) -> p.keyPath().equals("users.mappings[0].source"))
					.singleElement()
					.satisfies((p) -> {
						assertThat(p.message()).isEqualTo("missing source attribute name");
						assertThat(p.line()).isEqualTo(15);
					});
				assertThat(ex.problems()).filteredOn((p) -> p.keyPath().endsWith("clauses[0].operator"))
					.singleElement()
					.satisfies((p) -> assertThat(p.message()).contains("unknown operator 'CONTAINS'"));
			});
		}

		@Test
		void requiresAMatchingAttribute() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.parse("""
					target: miro
					users:
					  mappings:
					    - {target: userName, source: userPrincipalName}
					""", "m.yaml")).isInstanceOfSatisfying(ConfigException.class,
					(ex) -> assertThat(ex.problems()).singleElement()
						.satisfies((p) -> assertThat(p.message()).contains("matchingPrecedence")));
		}

		@Test
		void sensitiveIsABooleanAndNotForReferences() {
			AppConfig config = AppConfigLoaderTests.this.loader.parse("""
					target: miro
					users:
					  mappings:
					    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}
					    - {target: nickName, source: employeeId, sensitive: true}
					""", "s.yaml");
			assertThat(config.users().mappings()).extracting(AttributeMapping::sensitive).containsExactly(false, true);
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.parse("""
					target: miro
					users:
					  mappings:
					    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}
					    - {target: nickName, source: employeeId, sensitive: maybe}
					    - {target: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", reference: manager, sensitive: true}
					""", "s.yaml")).isInstanceOfSatisfying(ConfigException.class, (ex) -> {
				assertThat(ex.problems()).extracting(ConfigProblem::keyPath)
					.containsExactly("users.mappings[1].sensitive", "users.mappings[2].sensitive");
				assertThat(ex.problems()).extracting(ConfigProblem::line).containsExactly(5, 6);
				assertThat(ex.problems().get(0).message()).contains("expected true or false but got 'maybe'");
				assertThat(ex.problems().get(1).message()).contains("cannot be sensitive");
			});
		}

		@Test
		void invalidYamlNamesTheLine() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.parse("target: miro\nusers: [\n", "y.yaml"))
				.isInstanceOfSatisfying(ConfigException.class, (ex) -> {
					assertThat(ex.problems()).singleElement().satisfies((p) -> {
						assertThat(p.keyPath()).isEqualTo("(yaml)");
						assertThat(p.line()).isGreaterThan(1);
					});
				});
		}

		@Test
		void missingFileIsAProblemToo() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.load(java.nio.file.Path.of("/nonexistent/app.yaml")))
				.isInstanceOfSatisfying(ConfigException.class, (ex) -> assertThat(ex.problems())
					.extracting(ConfigProblem::source)
					.containsExactly("/nonexistent/app.yaml"));
		}

		@Test
		void unknownResource() {
			assertThatThrownBy(() -> AppConfigLoaderTests.this.loader.loadLocation("classpath:apps/nope.yaml"))
				.isInstanceOf(ConfigException.class)
				.hasMessageContaining("no such resource");
		}

	}

	static List<String> targets(AppConfig config) {
		return config.users().mappings().stream().map((m) -> m.target().text()).toList();
	}

}

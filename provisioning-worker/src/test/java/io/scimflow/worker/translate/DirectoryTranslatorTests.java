package io.scimflow.worker.translate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.scimflow.events.ObjectType;
import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryTranslatorTests {

	private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

	private final DirectoryTranslator translator = new DirectoryTranslator(
			new ProvisioningRules(AppConfigLoader.miroDefault(), Clock.fixed(NOW, ZoneOffset.UTC), new Random(1)),
			new OperationFactory(Clock.fixed(NOW, ZoneOffset.UTC)));

	private static DirectoryUser.Builder user() {
		return DirectoryUser.newBuilder()
			.setId("u-1")
			.setChangeId("c-1")
			.setChangedAt(Instant.parse("2026-11-28T10:00:00Z"))
			.setUserPrincipalName("ada@contoso.com")
			.setPreferredLanguage("en-GB")
			.setBusinessPhones(List.of("+1 555", "+1 556"))
			.setManagerId("m-1")
			.setExtensionAttributes(Map.of("extension_abc_costCenter", "CC-1", "extensionAttribute3", "x"))
			.setAppRoleAssignments(List.of(AppRoleAssignment.newBuilder().setAppRoleId("r1").setAppRoleValue("Admin")
				.setViaGroupId("g-1").build()));
	}

	@Test
	void everyFieldAndExtensionBecomesAnAttribute() {
		SourceObject source = DirectoryRecords.user(user().build());
		assertThat(source.attribute("userprincipalname")).isEqualTo("ada@contoso.com");
		assertThat(source.attribute("businessPhones")).isEqualTo(List.of("+1 555", "+1 556"));
		assertThat(source.attribute("accountEnabled")).isEqualTo(true);
		assertThat(source.attribute("manager")).isEqualTo("m-1");
		assertThat(source.attribute("managerId")).isEqualTo("m-1");
		assertThat(source.attribute("objectId")).isEqualTo("u-1");
		assertThat(source.attribute("extension_abc_costCenter")).isEqualTo("CC-1");
		assertThat(source.attribute("EXTENSIONATTRIBUTE3")).isEqualTo("x");
		assertThat(source.appRoleAssignments()).singleElement()
			.satisfies((a) -> assertThat(a.viaGroupId()).isEqualTo("g-1"));
	}

	@Test
	void anUpsertCarriesTheDecisionAndTheEventsIdentity() {
		ProvisioningOperation op = this.translator.translate(user().build()).get(0);
		assertThat(op.getAction()).isEqualTo(OperationAction.UPSERT_USER);
		assertThat(op.getObjectType()).isEqualTo(ObjectType.USER);
		assertThat(op.getChangeId()).isEqualTo("c-1");
		assertThat(op.getEmittedAt()).isEqualTo(NOW);
		assertThat(op.getSourceChangedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(op.getAttributes()).contains(
				MappedAttribute.newBuilder().setPath("preferredLanguage").setValue("en_GB").setJsonValue(null)
					.setApplyOn(ApplyOn.ALWAYS).build(),
				MappedAttribute.newBuilder().setPath("roles[primary eq \"True\"].value").setValue("ORGANIZATION_INTERNAL_ADMIN")
					.setJsonValue(null).setApplyOn(ApplyOn.ALWAYS).build());
		assertThat(this.translator.translate(user().build()).get(0).getOperationId()).isEqualTo(op.getOperationId());
	}

	@Test
	void secretsAreMarkedSensitive() {
		DirectoryTranslator translator = new DirectoryTranslator(new ProvisioningRules(new AppConfigLoader().parse("""
				target: generic-scim
				users:
				  mappings:
				    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}
				    - {target: password, expression: 'RandomString(12, 2, 2, 2, 2)'}
				    - {target: externalId, expression: 'Redact([objectId])'}
				    - {target: nickName, source: userPrincipalName, sensitive: true}
				    - {target: preferredLanguage, source: preferredLanguage}
				""", "secrets.yaml"), Clock.fixed(NOW, ZoneOffset.UTC), new Random(1)),
				new OperationFactory(Clock.fixed(NOW, ZoneOffset.UTC)));
		ProvisioningOperation op = translator.translate(user().build()).get(0);
		assertThat(op.getAttributes()).extracting((a) -> a.getPath() + "=" + a.getSensitive())
			.containsExactly("userName=false", "password=true", "externalId=true", "nickName=true",
					"preferredLanguage=false");
		assertThat(op.getAttributes()).filteredOn((a) -> a.getPath().equals("externalId"))
			.singleElement()
			.satisfies((a) -> assertThat(a.getValue()).isEqualTo("u-1"));
		assertThat(op.getAllowCreate()).isTrue();
		assertThat(op.getAllowUpdate()).isTrue();
	}

	@Test
	void miroGroupOperationsCarryTheConfiguredActionsAndTheSinkDropsWhatMiroCannotDo() {
		DirectoryGroup group = DirectoryGroup.newBuilder().setId("g-1").setChangeId("c-g").setChangedAt(NOW)
			.setDisplayName("Designers")
			.setAppRoleAssignments(List.of(AppRoleAssignment.newBuilder().setAppRoleId("r1").setAppRoleValue("User")
				.build()))
			.build();
		ProvisioningOperation upsert = this.translator.translate(group).get(0);
		assertThat(upsert.getAction()).isEqualTo(OperationAction.UPSERT_GROUP);
		// The bundled Miro configuration keeps group create on; the sink's miro profile drops it (never sent).
		assertThat(upsert.getAllowCreate()).isTrue();
		assertThat(upsert.getAllowUpdate()).isTrue();
		GroupMembership member = GroupMembership.newBuilder().setGroupId("g-1").setMemberId("u-1")
			.setMemberType(MemberType.USER).setPresent(true).setChangeId("c-m").setChangedAt(NOW).build();
		ProvisioningOperation add = this.translator.translate(member).get(0);
		assertThat(add.getAction()).isEqualTo(OperationAction.ADD_MEMBERS);
		assertThat(add.getAllowCreate()).isTrue();
		assertThat(add.getAllowUpdate()).isTrue();
		ProvisioningOperation user = this.translator.translate(user().build()).get(0);
		assertThat(user.getAllowCreate()).isTrue();
		assertThat(user.getAllowUpdate()).isTrue();
	}

	@Test
	void noneGivesNoOperation() {
		assertThat(this.translator.translate(user().setLifecycle(Lifecycle.HARD_DELETED).build())).hasSize(1);
		GroupMembership nested = GroupMembership.newBuilder().setGroupId("g").setMemberId("g2")
			.setMemberType(MemberType.GROUP).setPresent(true).setChangeId("c").setChangedAt(NOW).build();
		assertThat(this.translator.translate(nested)).isEmpty();
	}

	@Test
	void unknownLifecycleAndForeignRecordsCannotBeTranslated() {
		assertThatThrownBy(() -> this.translator.translate(user().setLifecycle(Lifecycle.UNKNOWN).build()))
			.isInstanceOf(UntranslatableRecordException.class)
			.hasMessageContaining("lifecycle UNKNOWN");
		assertThatThrownBy(() -> this.translator.translate("text")).isInstanceOf(UntranslatableRecordException.class);
	}

}

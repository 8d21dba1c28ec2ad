package io.scimflow.worker.translate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;

/**
 * Made-up directory records with every attribute a mapping may read filled in, for
 * {@link TranslationWarmUp}. Deterministic; ids start with {@code warm-up-} and never reach
 * Kafka.
 */
final class SyntheticRecords {

	private static final String SOURCE = "warm-up";

	private static final Instant CHANGED_AT = Instant.parse("2026-01-01T00:00:00Z");

	private static final String[] DEPARTMENTS = { "Sales", "Engineering", "Finance", "Support", "Marketing" };

	private static final String[] ROLES = { "User", "Company Admin", "Admin" };

	private static final String[] LANGUAGES = { "en-US", "de-DE", "fr-FR", "ja-JP" };

	private SyntheticRecords() {
	}

	/** An enabled, assigned user (in scope for every shipped app); every 10th is disabled, every 25th soft-deleted. */
	static DirectoryUser user(int i) {
		String id = "warm-up-user-" + i;
		String upn = "warm.up." + i + "@example.com";
		String group = group(i % DEPARTMENTS.length).getId();
		return DirectoryUser.newBuilder()
			.setId(id)
			.setChangeId("warm-up-" + i)
			.setSource(SOURCE)
			.setChangedAt(CHANGED_AT.plusMillis(i))
			.setLifecycle((i % 25 == 24) ? Lifecycle.SOFT_DELETED : Lifecycle.ACTIVE)
			.setUserPrincipalName(upn)
			.setMail(upn)
			.setMailNickname("warm.up." + i)
			.setGivenName("Warm" + i)
			.setSurname("Üp-" + i)
			.setDisplayName("Warm Üp " + i)
			.setJobTitle("Title " + (i % 7))
			.setDepartment(DEPARTMENTS[i % DEPARTMENTS.length])
			.setCompanyName("Example")
			.setEmployeeId(String.valueOf(100000 + i))
			.setEmployeeType("Employee")
			.setOfficeLocation("Floor " + (i % 5))
			.setCity("City " + (i % 11))
			.setState("State")
			.setCountry("Country")
			.setStreetAddress(i + " Main Street")
			.setPostalCode(String.valueOf(10000 + i % 9000))
			.setUsageLocation("US")
			.setPreferredLanguage(LANGUAGES[i % LANGUAGES.length])
			.setMobilePhone("+1 555 " + (1000000 + i))
			.setBusinessPhones(List.of("+1 555 " + (2000000 + i)))
			.setOtherMails(List.of())
			.setUserType("Member")
			.setAccountEnabled(i % 10 != 9)
			.setManagerId((i > 0) ? "warm-up-user-" + (i / 10) : null)
			.setExtensionAttributes(Map.of("employeeOrgData.costCenter", "CC" + (i % 13), "employeeOrgData.division", "D" + (i % 3)))
			.setAppRoleAssignments(List.of(AppRoleAssignment.newBuilder()
				.setAppRoleId("00000000-0000-0000-0000-00000000000" + (1 + i % ROLES.length))
				.setAppRoleValue(ROLES[i % ROLES.length])
				.setAppRoleDisplayName(ROLES[i % ROLES.length])
				.build()))
			.setGroupIds(List.of(group))
			.setGroupDisplayNames(Map.of(group, DEPARTMENTS[i % DEPARTMENTS.length]))
			.setDeletedAt(null)
			.build();
	}

	/** An assigned group (a Miro team). */
	static DirectoryGroup group(int i) {
		String name = DEPARTMENTS[i % DEPARTMENTS.length];
		return DirectoryGroup.newBuilder()
			.setId("warm-up-group-" + (i % DEPARTMENTS.length))
			.setChangeId("warm-up-group-" + i)
			.setSource(SOURCE)
			.setChangedAt(CHANGED_AT.plusMillis(i))
			.setLifecycle(Lifecycle.ACTIVE)
			.setDisplayName(name)
			.setDescription("Warm-up group " + name)
			.setMail(null)
			.setMailNickname(null)
			.setMailEnabled(false)
			.setSecurityEnabled(true)
			.setExtensionAttributes(Map.of())
			.setAppRoleAssignments(List.of(AppRoleAssignment.newBuilder()
				.setAppRoleId("00000000-0000-0000-0000-000000000001")
				.setAppRoleValue("User")
				.build()))
			.setDeletedAt(null)
			.build();
	}

	/** The user {@code i}'s membership of its department group. */
	static GroupMembership membership(int i) {
		DirectoryGroup group = group(i % DEPARTMENTS.length);
		return GroupMembership.newBuilder()
			.setGroupId(group.getId())
			.setMemberId("warm-up-user-" + i)
			.setMemberType(MemberType.USER)
			.setPresent(i % 8 != 7)
			.setGroupDisplayName(group.getDisplayName())
			.setChangeId("warm-up-membership-" + i)
			.setSource(SOURCE)
			.setChangedAt(CHANGED_AT.plusMillis(i))
			.build();
	}

}

package io.scimflow.worker.translate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.rules.source.AppRoleAssignment;
import io.scimflow.rules.source.Lifecycle;
import io.scimflow.rules.source.MembershipFact;
import io.scimflow.rules.source.SourceObject;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Adapts directory events (Avro) to the rules' input model. Every plain field of the record
 * becomes an attribute under its Graph name, so attributes added to the schema later are
 * readable by mappings without a code change; extension attributes are added by their own
 * names; {@code managerId} is also readable as {@code manager}, Graph's name.
 */
public final class DirectoryRecords {

	private static final Set<String> NOT_ATTRIBUTES = Set.of("changeId", "source", "changedAt", "lifecycle",
			"extensionAttributes", "appRoleAssignments", "groupIds", "deletedAt");

	private DirectoryRecords() {
	}

	/**
	 * The user's state for the rules.
	 * @throws UntranslatableRecordException when the record cannot be read as a user
	 */
	public static SourceObject user(DirectoryUser user) {
		Map<String, Object> attributes = attributes(user, user.getExtensionAttributes());
		if (user.getManagerId() != null) {
			attributes.put("manager", user.getManagerId());
		}
		attributes.put("objectId", user.getId());
		return SourceObject.user(user.getId(), lifecycle(user.getLifecycle(), user.getId()), attributes,
				assignments(user.getAppRoleAssignments()), user.getGroupIds());
	}

	/** The group's state for the rules. */
	public static SourceObject group(DirectoryGroup group) {
		Map<String, Object> attributes = attributes(group, group.getExtensionAttributes());
		attributes.put("objectId", group.getId());
		return SourceObject.group(group.getId(), lifecycle(group.getLifecycle(), group.getId()), attributes,
				assignments(group.getAppRoleAssignments()));
	}

	/** The membership fact for the rules. */
	public static MembershipFact membership(GroupMembership membership) {
		MembershipFact.MemberType type = switch (membership.getMemberType()) {
			case USER -> MembershipFact.MemberType.USER;
			case GROUP -> MembershipFact.MemberType.GROUP;
			default -> MembershipFact.MemberType.OTHER;
		};
		return new MembershipFact(membership.getGroupId(), membership.getMemberId(), type, membership.getPresent());
	}

	private static Map<String, Object> attributes(SpecificRecord record, Map<String, String> extensions) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Schema.Field field : record.getSchema().getFields()) {
			if (NOT_ATTRIBUTES.contains(field.name())) {
				continue;
			}
			Object value = record.get(field.pos());
			if (value instanceof CharSequence || value instanceof Boolean || value instanceof Number) {
				attributes.put(field.name(), (value instanceof CharSequence) ? value.toString() : value);
			}
			else if (value instanceof Collection<?> list) {
				List<String> values = new ArrayList<>();
				list.forEach((v) -> values.add(String.valueOf(v)));
				attributes.put(field.name(), values);
			}
		}
		if (extensions != null) {
			extensions.forEach(attributes::putIfAbsent);
		}
		return attributes;
	}

	private static List<AppRoleAssignment> assignments(List<io.scimflow.events.directory.AppRoleAssignment> roles) {
		List<AppRoleAssignment> result = new ArrayList<>();
		for (io.scimflow.events.directory.AppRoleAssignment r : roles) {
			result.add(new AppRoleAssignment(r.getAppRoleId(), r.getAppRoleValue(), r.getAppRoleDisplayName(),
					r.getViaGroupId(), r.getViaGroupDisplayName()));
		}
		return result;
	}

	private static Lifecycle lifecycle(io.scimflow.events.directory.Lifecycle lifecycle, String id) {
		return switch (lifecycle) {
			case ACTIVE -> Lifecycle.ACTIVE;
			case SOFT_DELETED -> Lifecycle.SOFT_DELETED;
			case HARD_DELETED -> Lifecycle.HARD_DELETED;
			default -> throw new UntranslatableRecordException(
					"object " + id + " has lifecycle " + lifecycle + ", which this worker does not know");
		};
	}

}

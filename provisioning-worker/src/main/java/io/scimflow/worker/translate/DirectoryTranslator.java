package io.scimflow.worker.translate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scimflow.events.directory.DirectoryGroup;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.mapping.MappingException;

/**
 * From one directory event to the provisioning operations it calls for (none or one).
 * Stateless and thread-safe: the same record always gives the same operations.
 */
public final class DirectoryTranslator {

	private final ProvisioningRules rules;

	private final OperationFactory operations;

	public DirectoryTranslator(ProvisioningRules rules, OperationFactory operations) {
		this.rules = rules;
		this.operations = operations;
	}

	/**
	 * The operations for a decoded directory record.
	 * @throws UntranslatableRecordException when the record cannot be mapped (permanent)
	 */
	public List<ProvisioningOperation> translate(Object record) {
		try {
			ProvisioningOperation operation;
			if (record instanceof DirectoryUser user) {
				operation = this.operations.user(this.rules.decideUser(DirectoryRecords.user(user)), user.getChangeId(),
						user.getChangedAt());
				if (operation != null) {
					operation.setGroupDisplayNames(groupNames(user, operation.getMemberOfGroupIds()));
				}
			}
			else if (record instanceof DirectoryGroup group) {
				operation = this.operations.group(this.rules.decideGroup(DirectoryRecords.group(group)), group.getChangeId(),
						group.getChangedAt());
			}
			else if (record instanceof GroupMembership membership) {
				operation = this.operations.membership(this.rules.decideMembership(DirectoryRecords.membership(membership)),
						membership.getChangeId(), membership.getChangedAt());
				if (operation != null && membership.getGroupDisplayName() != null) {
					// Lets a target that matches groups by name (Miro) find the group before the sink has linked it.
					operation.setSourceDisplayName(membership.getGroupDisplayName());
					operation.setGroupDisplayNames(Map.of(membership.getGroupId(), membership.getGroupDisplayName()));
				}
			}
			else {
				throw new UntranslatableRecordException("not a directory event: "
						+ ((record != null) ? record.getClass().getName() : "null"));
			}
			return (operation != null) ? List.of(operation) : List.of();
		}
		catch (MappingException ex) {
			throw new UntranslatableRecordException(ex.getMessage()
					+ ((ex.errorCode() != null) ? " [" + ex.errorCode() + "]" : ""), ex);
		}
	}

	private static Map<String, String> groupNames(DirectoryUser user, List<String> groupIds) {
		Map<String, String> names = new TreeMap<>();
		for (String groupId : groupIds) {
			String name = user.getGroupDisplayNames().get(groupId);
			if (name != null) {
				names.put(groupId, name);
			}
		}
		return names;
	}

	static Instant orNow(Instant instant) {
		return (instant != null) ? instant : Instant.now();
	}

}

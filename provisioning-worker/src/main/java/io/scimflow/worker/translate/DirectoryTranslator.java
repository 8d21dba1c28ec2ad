package io.scimflow.worker.translate;

import java.time.Instant;
import java.util.List;

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
			}
			else if (record instanceof DirectoryGroup group) {
				operation = this.operations.group(this.rules.decideGroup(DirectoryRecords.group(group)), group.getChangeId(),
						group.getChangedAt());
			}
			else if (record instanceof GroupMembership membership) {
				operation = this.operations.membership(this.rules.decideMembership(DirectoryRecords.membership(membership)),
						membership.getChangeId(), membership.getChangedAt());
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

	static Instant orNow(Instant instant) {
		return (instant != null) ? instant : Instant.now();
	}

}

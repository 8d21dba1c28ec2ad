package io.scimflow.rules.decision;

import java.util.List;

import io.scimflow.rules.mapping.MappedValue;
import io.scimflow.rules.mapping.MatchingValue;
import io.scimflow.rules.scope.ScopeDecision;

/**
 * The rules' verdict for one group (its attributes; members travel as membership
 * decisions). Immutable.
 *
 * @param sourceId the group's source id
 * @param displayName for logs
 * @param action upsert, delete or nothing
 * @param scope the scoping decision
 * @param matching matching attributes in precedence order
 * @param attributes mapped attributes (UPSERT_GROUP only)
 * @param createAllowed whether the target object actions allow creating the group
 * @param updateAllowed whether the target object actions allow updating an existing group
 * @param reason why this action
 */
public record GroupDecision(String sourceId, String displayName, GroupAction action, ScopeDecision scope,
		List<MatchingValue> matching, List<MappedValue> attributes, boolean createAllowed, boolean updateAllowed, String reason) {

	public GroupDecision {
		matching = List.copyOf(matching);
		attributes = List.copyOf(attributes);
	}

}

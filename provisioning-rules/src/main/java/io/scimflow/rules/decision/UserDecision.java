package io.scimflow.rules.decision;

import java.util.List;

import io.scimflow.rules.mapping.MappedValue;
import io.scimflow.rules.mapping.MatchingValue;
import io.scimflow.rules.mapping.ReferenceValue;
import io.scimflow.rules.scope.ScopeDecision;

/**
 * The rules' verdict for one user. Immutable.
 *
 * @param sourceId the user's source id
 * @param displayName for logs (the userPrincipalName, else the displayName)
 * @param action upsert, disable, delete or nothing
 * @param scope the scoping decision with its reasons
 * @param matching matching attributes in precedence order (UPSERT, DISABLE, DELETE)
 * @param attributes mapped attributes (UPSERT only)
 * @param references references by source id, e.g. the manager (UPSERT only)
 * @param memberOfGroupIds the source ids of the groups the user is a direct member of
 * (UPSERT only), so the sink can complete memberships
 * @param createAllowed the users' target object actions include Create (the sink may create
 * the user when it is absent)
 * @param updateAllowed the users' target object actions include Update (the sink may change
 * an existing user)
 * @param reason why this action, in words
 */
public record UserDecision(String sourceId, String displayName, UserAction action, ScopeDecision scope,
		List<MatchingValue> matching, List<MappedValue> attributes, List<ReferenceValue> references,
		List<String> memberOfGroupIds, boolean createAllowed, boolean updateAllowed, String reason) {

	public UserDecision {
		matching = List.copyOf(matching);
		attributes = List.copyOf(attributes);
		references = List.copyOf(references);
		memberOfGroupIds = List.copyOf(memberOfGroupIds);
	}

}

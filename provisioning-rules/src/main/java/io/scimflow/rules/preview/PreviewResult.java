package io.scimflow.rules.preview;

import java.util.Map;

import io.scimflow.rules.decision.UserDecision;

/**
 * What provisioning one user would do: the decision with its scoping reasons and the SCIM
 * requests (null when the action sends none of that kind).
 *
 * @param decision the decision
 * @param createRequest the POST body if the user does not exist on the target yet
 * @param updateRequest the PATCH body if the user exists (update or disable)
 */
public record PreviewResult(UserDecision decision, Map<String, Object> createRequest,
		Map<String, Object> updateRequest) {

}

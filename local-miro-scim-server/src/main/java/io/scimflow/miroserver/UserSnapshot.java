package io.scimflow.miroserver;

import java.util.List;
import java.util.Map;

/**
 * A copy of one account at the moment it was taken, for assertions.
 *
 * @param id Miro user id
 * @param userName email address
 * @param displayName full name
 * @param active false when deactivated
 * @param userType license
 * @param guest true for a guest (invisible to SCIM)
 * @param roles role values, the organisation role first
 * @param teamIds ids of the teams the account belongs to
 * @param attributes the whole SCIM resource as Miro would return it (maps, lists, strings, booleans)
 */
public record UserSnapshot(String id, String userName, String displayName, boolean active, String userType,
		boolean guest, List<String> roles, List<String> teamIds, Map<String, Object> attributes) {

}

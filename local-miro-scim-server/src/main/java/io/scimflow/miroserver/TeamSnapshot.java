package io.scimflow.miroserver;

import java.util.List;

/**
 * A copy of one team (or user group) at the moment it was taken, for assertions.
 *
 * @param id Miro team id
 * @param displayName team name
 * @param memberIds member user ids in the order they joined (guests included)
 * @param adminIds team admins (the last one cannot be removed)
 */
public record TeamSnapshot(String id, String displayName, List<String> memberIds, List<String> adminIds) {

}

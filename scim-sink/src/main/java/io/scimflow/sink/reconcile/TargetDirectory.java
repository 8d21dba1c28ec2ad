package io.scimflow.sink.reconcile;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SCIM target as the reconciliation rules see it. Implementations send HTTP requests,
 * wait for rate budgets and retry transient failures; they throw when a request finally fails.
 * A resource is the SCIM JSON object the server returned.
 */
public interface TargetDirectory {

    /** {@code GET /Users?filter=<path> eq "<value>"}: the first match. */
    Optional<ObjectNode> findUser(String attributePath, String value);

    /** {@code GET /Users/{id}}; empty on 404. */
    Optional<ObjectNode> getUser(String id);

    CreateResult createUser(ObjectNode resource);

    void patchUser(String id, List<AttributeChange> changes);

    /** {@code DELETE /Users/{id}}; false on 404 (already gone). */
    boolean deleteUser(String id);

    /** Every user, paged with the largest page size the target allows. */
    List<ObjectNode> listUsers();

    /** Every group's id and displayName (members excluded), paged. */
    List<ObjectNode> listGroups();

    /** {@code GET /Groups?filter=displayName eq "<name>"&excludedAttributes=members}. */
    Optional<ObjectNode> findGroupByDisplayName(String displayName);

    /** {@code GET /Groups/{id}} with its members; empty on 404. */
    Optional<ObjectNode> getGroup(String id);

    CreateResult createGroup(ObjectNode resource);

    void patchGroup(String id, List<AttributeChange> changes);

    /**
     * Adds and removes members, batching them into as many PATCH requests as the target's limits
     * ask for.
     *
     * @return the number of PATCH requests sent
     */
    int changeMembers(String groupId, List<String> addIds, List<String> removeIds);

    /** {@code DELETE /Groups/{id}}; false on 404. */
    boolean deleteGroup(String id);
}

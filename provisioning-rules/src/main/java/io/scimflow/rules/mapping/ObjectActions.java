package io.scimflow.rules.mapping;

/**
 * Entra's target object actions for one object type. Immutable.
 *
 * @param create create objects that do not exist on the target
 * @param update update objects that exist (including disabling them)
 * @param delete delete objects (hard delete, or leaving the scope when configured)
 */
public record ObjectActions(boolean create, boolean update, boolean delete) {

	/** Create, update and delete: Entra's default. */
	public static final ObjectActions ALL = new ObjectActions(true, true, true);

}

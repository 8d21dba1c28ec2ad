package io.scimflow.miroserver;

/**
 * What a SCIM Group is on the simulated Miro organisation (reference section 0).
 */
public enum GroupModel {

	/** Legacy model: a Group is a Miro team; teams cannot be created or deleted over SCIM (405). */
	TEAMS,

	/** Newer model: a Group is a Miro user group; POST and DELETE /Groups are allowed. */
	USER_GROUPS

}

package io.scimflow.rules.mapping;

/** Entra's "Apply this mapping": always, or only when the object is created. */
public enum ApplyOn {

	ALWAYS, CREATE_ONLY

}

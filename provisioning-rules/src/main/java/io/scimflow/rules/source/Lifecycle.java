package io.scimflow.rules.source;

/**
 * Where a directory object is in its life. Soft-deleted objects can still be restored in
 * the directory; hard-deleted ones are gone for good.
 */
public enum Lifecycle {

	ACTIVE, SOFT_DELETED, HARD_DELETED

}

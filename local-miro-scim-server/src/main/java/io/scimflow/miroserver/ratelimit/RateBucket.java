package io.scimflow.miroserver.ratelimit;

/**
 * Miro's SCIM rate-limit buckets and their limits per 30-second window (reference 4,
 * developer-docs table). A Group PATCH uses the cheap bucket when its body is small.
 */
public enum RateBucket {

	USERS_LIST(200), USERS_GET(200), USERS_CREATE(200), USERS_REPLACE(100), USERS_PATCH(100), USERS_DELETE(20),
	GROUPS_LIST(5), GROUPS_GET(20), GROUPS_PATCH_CHEAP(100), GROUPS_PATCH_EXPENSIVE(5);

	private final int limit;

	RateBucket(int limit) {
		this.limit = limit;
	}

	/** Requests allowed per window before scaling. */
	public int limit() {
		return this.limit;
	}

}

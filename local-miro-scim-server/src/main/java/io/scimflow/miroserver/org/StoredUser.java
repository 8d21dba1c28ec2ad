package io.scimflow.miroserver.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Miro account of the organisation. The SCIM resource is replaced as a whole, never
 * mutated, so readers need no lock; writers serialise on this object
 * ({@code synchronized (user)}) for read-modify-write.
 */
public final class StoredUser {

	public static final String ADMIN_ROLE = "ORGANIZATION_INTERNAL_ADMIN";

	public static final String MEMBER_ROLE = "ORGANIZATION_INTERNAL_USER";

	private final String id;

	private final long seq;

	private volatile ObjectNode resource;

	private volatile boolean guest;

	StoredUser(String id, long seq, ObjectNode resource, boolean guest) {
		this.id = id;
		this.seq = seq;
		this.resource = resource;
		this.guest = guest;
	}

	public String id() {
		return this.id;
	}

	long seq() {
		return this.seq;
	}

	/** The stored resource (without groups and meta); callers must not modify it. */
	public ObjectNode resource() {
		return this.resource;
	}

	public void resource(ObjectNode resource) {
		this.resource = resource;
	}

	/** Guests and team guests are invisible to SCIM (reference 2.2, 5). */
	public boolean guest() {
		return this.guest;
	}

	public void guest(boolean guest) {
		this.guest = guest;
	}

	public String userName() {
		return this.resource.path("userName").asText();
	}

	public boolean active() {
		return this.resource.path("active").asBoolean(true);
	}

	public String userType() {
		return this.resource.path("userType").asText(null);
	}

	public boolean isOrgAdmin() {
		return ADMIN_ROLE.equals(primaryRole(this.resource));
	}

	/** The value of the {@code organization_user_role} entry, or null. */
	public static String primaryRole(JsonNode resource) {
		for (JsonNode role : resource.path("roles")) {
			if ("organization_user_role".equals(role.path("type").asText())) {
				return role.path("value").asText(null);
			}
		}
		return null;
	}

}

package io.scimflow.producer.model;

import java.util.Objects;

/**
 * One role of the provisioned application (Graph {@code appRole}). {@code value} is what
 * mappings read (e.g. {@code ORGANIZATION_INTERNAL_USER}); Default Access has none.
 */
public record AppRole(String id, String value, String displayName) {

    /** Graph's app role id for "assigned without a specific role", shown as Default Access. */
    public static final String DEFAULT_ACCESS_ID = "00000000-0000-0000-0000-000000000000";

    public static final AppRole DEFAULT_ACCESS = new AppRole(DEFAULT_ACCESS_ID, null, "Default Access");

    public AppRole {
        Objects.requireNonNull(id, "id");
    }

    public boolean isDefaultAccess() {
        return DEFAULT_ACCESS_ID.equals(id);
    }
}

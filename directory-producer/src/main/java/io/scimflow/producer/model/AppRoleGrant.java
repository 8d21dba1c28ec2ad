package io.scimflow.producer.model;

import java.util.Objects;

/** An app role assignment as the directory stores it (Graph {@code appRoleAssignment}): principal + role. */
public record AppRoleGrant(String principalId, PrincipalType principalType, String appRoleId) {

    public AppRoleGrant {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(appRoleId, "appRoleId");
    }
}

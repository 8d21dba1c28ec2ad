package io.scimflow.producer.model;

/** Who an app role assignment is granted to. */
public enum PrincipalType {
    USER,
    GROUP
}

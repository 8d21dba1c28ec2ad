package io.scimflow.rules.mapping;

/**
 * The type a target attribute takes. {@code AUTO} keeps what the mapping produced, except
 * that {@code active} is always a boolean.
 */
public enum TargetType {

	AUTO, STRING, BOOLEAN, INTEGER

}

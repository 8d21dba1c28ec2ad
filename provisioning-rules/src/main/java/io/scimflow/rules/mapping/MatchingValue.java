package io.scimflow.rules.mapping;

/**
 * A matching attribute with this object's value.
 *
 * @param path the SCIM path, e.g. {@code userName}
 * @param value the value the target object must have
 * @param precedence 1 is tried first
 */
public record MatchingValue(String path, String value, int precedence) {

}

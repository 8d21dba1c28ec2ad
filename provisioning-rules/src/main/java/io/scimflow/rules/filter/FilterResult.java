package io.scimflow.rules.filter;

/**
 * The outcome of evaluating the scoping filters for one object.
 *
 * @param passed whether the object is in the filters' scope
 * @param detail a human-readable reason (which filter passed, or which clause failed)
 */
public record FilterResult(boolean passed, String detail) {

}

package io.scimflow.rules.mapping;

import io.scimflow.rules.expression.ExpressionException;

/**
 * A mapping could not be evaluated for an object (for example CDate of a value that is no
 * date). Deterministic: evaluating again gives the same error, so callers park the record
 * instead of retrying.
 */
public class MappingException extends RuntimeException {

	private final String targetPath;

	public MappingException(String targetPath, String message, Throwable cause) {
		super("mapping to '" + targetPath + "' failed: " + message, cause);
		this.targetPath = targetPath;
	}

	/** The target path of the failing mapping. */
	public String targetPath() {
		return this.targetPath;
	}

	/** The expression error code when an expression failed, else null. */
	public String errorCode() {
		return (getCause() instanceof ExpressionException ex) ? ex.error().code() : null;
	}

}

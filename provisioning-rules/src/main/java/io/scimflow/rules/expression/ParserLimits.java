package io.scimflow.rules.expression;

/**
 * Bounds on what an expression may be. The defaults are Entra's 10,000-character limit and
 * a nesting depth far above anything a mapping needs.
 *
 * @param maxLength maximum number of characters
 * @param maxDepth maximum nesting depth of function calls
 */
public record ParserLimits(int maxLength, int maxDepth) {

	/** Entra's length limit (10,000) and a depth of 64. */
	public static final ParserLimits DEFAULT = new ParserLimits(10_000, 64);

}

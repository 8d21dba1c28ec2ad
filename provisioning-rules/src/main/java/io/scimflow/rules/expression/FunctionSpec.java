package io.scimflow.rules.expression;

import java.util.Set;

/**
 * One function of the catalogue: its arity, which arguments may be left empty, its
 * documentation and its behaviour. Immutable.
 *
 * @param name the case-sensitive name
 * @param minArgs the fewest arguments
 * @param maxArgs the most arguments, or -1 for any number
 * @param optionalPositions 0-based positions below {@code minArgs} that may be left empty
 * @param omittableTail whether positions at or above {@code minArgs} may be left empty
 * @param signature the signature as documented
 * @param description what it does
 * @param example an example with its result
 * @param unsupportedReason non-null when the function is recognised but not supported
 * @param implementation the behaviour
 * @param validator an extra parse-time check, or null
 */
public record FunctionSpec(String name, int minArgs, int maxArgs, Set<Integer> optionalPositions,
		boolean omittableTail, String signature, String description, String example, String unsupportedReason,
		ExpressionFunction implementation, CallValidator validator) {

	boolean mayOmit(int position) {
		return this.optionalPositions.contains(position) || (position >= this.minArgs && this.omittableTail);
	}

	String arityDescription() {
		if (this.maxArgs < 0) {
			return "at least " + this.minArgs + " argument" + (this.minArgs == 1 ? "" : "s");
		}
		if (this.minArgs == this.maxArgs) {
			return this.minArgs + " argument" + (this.minArgs == 1 ? "" : "s");
		}
		return this.minArgs + " to " + this.maxArgs + " arguments";
	}

}

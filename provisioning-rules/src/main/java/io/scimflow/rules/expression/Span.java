package io.scimflow.rules.expression;

/**
 * Where a piece of an expression sits in its text: {@code start} inclusive, {@code end}
 * exclusive, both 0-based character offsets. Immutable.
 */
public record Span(int start, int end) {

	/** The 1-based position of the first character, as error messages show it. */
	public int position() {
		return this.start + 1;
	}

	@Override
	public String toString() {
		return "position " + position();
	}

}

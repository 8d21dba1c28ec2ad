package io.scimflow.rules.scope;

/**
 * The outcome of one scoping check, in words.
 *
 * @param check which check
 * @param passed whether it passed
 * @param detail what was found
 */
public record ScopeReason(ScopeCheck check, boolean passed, String detail) {

	@Override
	public String toString() {
		return this.check + (this.passed ? " ok: " : " FAILED: ") + this.detail;
	}

}

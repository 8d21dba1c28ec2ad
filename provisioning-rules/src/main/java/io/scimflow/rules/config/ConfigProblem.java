package io.scimflow.rules.config;

/**
 * One thing wrong with an app configuration file.
 *
 * @param source the file (or resource) name
 * @param line the 1-based line, 0 when unknown
 * @param keyPath the key path, e.g. {@code users.mappings[3].expression}
 * @param message what is wrong
 */
public record ConfigProblem(String source, int line, String keyPath, String message) {

	@Override
	public String toString() {
		return this.source + ((this.line > 0) ? ":" + this.line : "") + ": " + this.keyPath + ": " + this.message;
	}

}

package io.scimflow.rules.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An app configuration is invalid. The message lists every problem, each with the file,
 * the line, the key path and what is wrong.
 */
public class ConfigException extends RuntimeException {

	private final List<ConfigProblem> problems;

	public ConfigException(List<ConfigProblem> problems) {
		super("Invalid app configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
				+ problems.stream().map((p) -> "  " + p).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	/** Every problem found. */
	public List<ConfigProblem> problems() {
		return this.problems;
	}

}

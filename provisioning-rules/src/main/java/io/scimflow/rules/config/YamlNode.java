package io.scimflow.rules.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its key path and line, so every problem can name both. Reports
 * problems to the shared list instead of throwing, so one load reports all of them.
 */
final class YamlNode {

	private final Node node;

	private final String path;

	private final Problems problems;

	YamlNode(Node node, String path, Problems problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	String path() {
		return this.path;
	}

	int line() {
		return (this.node != null) ? this.node.getStartMark().getLine() + 1 : 0;
	}

	void problem(String message) {
		this.problems.add(line(), this.path, message);
	}

	boolean isMapping() {
		return this.node instanceof MappingNode;
	}

	/** The entries of a mapping, checking the keys against the allowed ones. */
	Map<String, YamlNode> entries(Set<String> allowed) {
		Map<String, YamlNode> entries = new LinkedHashMap<>();
		if (!(this.node instanceof MappingNode mapping)) {
			problem("expected a mapping of keys to values");
			return entries;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue() : null;
			YamlNode child = new YamlNode(tuple.getValueNode(), child(key), this.problems);
			if (key == null) {
				new YamlNode(tuple.getKeyNode(), this.path, this.problems).problem("keys must be plain names");
				continue;
			}
			if (!allowed.contains(key)) {
				child.problem("unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
				continue;
			}
			if (entries.put(key, child) != null) {
				child.problem("duplicate key '" + key + "'");
			}
		}
		return entries;
	}

	List<YamlNode> items() {
		List<YamlNode> items = new ArrayList<>();
		if (!(this.node instanceof SequenceNode sequence)) {
			problem("expected a list");
			return items;
		}
		int i = 0;
		for (Node item : sequence.getValue()) {
			items.add(new YamlNode(item, this.path + "[" + i++ + "]", this.problems));
		}
		return items;
	}

	/** The scalar text; null (with a problem) when not a scalar. */
	String text() {
		if (this.node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		problem("expected a single value");
		return null;
	}

	boolean bool(boolean fallback) {
		String text = text();
		if (text == null) {
			return fallback;
		}
		switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "yes", "on":
				return true;
			case "false", "no", "off":
				return false;
			default:
				problem("expected true or false but got '" + text + "'");
				return fallback;
		}
	}

	int integer(int fallback) {
		String text = text();
		if (text == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			problem("expected a whole number but got '" + text + "'");
			return fallback;
		}
	}

	private String child(String key) {
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

	/** The problems found in one file. */
	static final class Problems {

		private final String source;

		private final List<ConfigProblem> list = new ArrayList<>();

		Problems(String source) {
			this.source = source;
		}

		void add(int line, String path, String message) {
			this.list.add(new ConfigProblem(this.source, line, path.isEmpty() ? "(root)" : path, message));
		}

		List<ConfigProblem> list() {
			return this.list;
		}

	}

}

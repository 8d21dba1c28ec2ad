package io.scimflow.rules.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.scimflow.rules.expression.Expression;
import io.scimflow.rules.expression.ExpressionException;
import io.scimflow.rules.expression.ExpressionParser;
import io.scimflow.rules.expression.FunctionCatalog;
import io.scimflow.rules.expression.ParserLimits;
import io.scimflow.rules.filter.FilterClause;
import io.scimflow.rules.filter.FilterEvaluator;
import io.scimflow.rules.filter.FilterGroup;
import io.scimflow.rules.filter.FilterOperator;
import io.scimflow.rules.filter.ScopingFilter;
import io.scimflow.rules.mapping.ApplyOn;
import io.scimflow.rules.mapping.AttributeMapping;
import io.scimflow.rules.mapping.MappingType;
import io.scimflow.rules.mapping.ObjectActions;
import io.scimflow.rules.mapping.ObjectMapping;
import io.scimflow.rules.mapping.TargetPath;
import io.scimflow.rules.mapping.TargetType;
import io.scimflow.rules.scope.AssignmentScope;
import io.scimflow.rules.scope.OutOfScopeAction;
import io.scimflow.rules.scope.ScopeSettings;
import io.scimflow.rules.source.ObjectType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an app configuration YAML file and validates all of it at once: every problem is
 * reported with the file, the line, the key path and what is wrong (unknown keys,
 * unknown operators, expressions that do not parse, with their position, ...). Every
 * expression is parsed here, at start-up, never on the first event. Stateless.
 */
public final class AppConfigLoader {

	/** The classpath resource of the bundled Miro configuration. */
	public static final String MIRO_RESOURCE = "apps/miro.yaml";

	private static final Set<String> ROOT_KEYS = Set.of("target", "description", "defaultDomain", "scope", "users",
			"groups");

	private static final Set<String> SCOPE_KEYS = Set.of("assignment", "excludeDefaultAccessOnly",
			"skipOutOfScopeDeletions", "outOfScopeAction");

	private static final Set<String> OBJECT_KEYS = Set.of("enabled", "actions", "scopingFilters", "mappings");

	private static final Set<String> FILTER_KEYS = Set.of("name", "clauses");

	private static final Set<String> CLAUSE_KEYS = Set.of("attribute", "operator", "value", "values");

	private static final Set<String> MAPPING_KEYS = Set.of("target", "source", "constant", "expression", "reference",
			"default", "matchingPrecedence", "apply", "type", "sensitive", "description");

	private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_][\\w.\\-]*");

	private final ExpressionParser parser = new ExpressionParser(FunctionCatalog.standard(), ParserLimits.DEFAULT);

	/** Loads the bundled Miro configuration. */
	public static AppConfig miroDefault() {
		return new AppConfigLoader().loadResource(MIRO_RESOURCE);
	}

	/** Loads a file. */
	public AppConfig load(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException ex) {
			throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "(file)",
					"cannot be read: " + ex.getMessage())));
		}
	}

	/** Loads a classpath resource (e.g. {@code apps/miro.yaml}). */
	public AppConfig loadResource(String resource) {
		try (InputStream in = AppConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new ConfigException(
						List.of(new ConfigProblem("classpath:" + resource, 0, "(file)", "no such resource")));
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
		}
		catch (IOException ex) {
			throw new ConfigException(List.of(new ConfigProblem("classpath:" + resource, 0, "(file)",
					"cannot be read: " + ex.getMessage())));
		}
	}

	/**
	 * Loads a location: {@code classpath:apps/miro.yaml}, a bare resource name that exists
	 * on the classpath, or a file path.
	 */
	public AppConfig loadLocation(String location) {
		if (location.startsWith("classpath:")) {
			return loadResource(location.substring("classpath:".length()));
		}
		Path file = Path.of(location);
		if (!Files.exists(file) && AppConfigLoader.class.getClassLoader().getResource(location) != null) {
			return loadResource(location);
		}
		return load(file);
	}

	/**
	 * Parses and validates configuration text.
	 * @throws ConfigException listing every problem
	 */
	public AppConfig parse(String yaml, String sourceName) {
		YamlNode.Problems problems = new YamlNode.Problems(sourceName);
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			throw new ConfigException(List.of(new ConfigProblem(sourceName, line, "(yaml)", "not valid YAML: "
					+ ex.getProblem())));
		}
		catch (YAMLException ex) {
			throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, "(yaml)", "not valid YAML: "
					+ ex.getMessage())));
		}
		if (root == null) {
			throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, "(root)", "the file is empty")));
		}
		Map<String, YamlNode> entries = new YamlNode(root, "", problems).entries(ROOT_KEYS);
		String target = required(entries, "target", new YamlNode(root, "", problems));
		String defaultDomain = (entries.get("defaultDomain") != null) ? entries.get("defaultDomain").text() : null;
		ScopeSettings scope = scope(entries.get("scope"));
		ObjectMapping users = objectMapping(ObjectType.USER, entries.get("users"));
		ObjectMapping groups = objectMapping(ObjectType.GROUP, entries.get("groups"));
		if (entries.get("users") == null) {
			problems.add(root.getStartMark().getLine() + 1, "users", "the users mapping is required");
		}
		if (!problems.list().isEmpty()) {
			throw new ConfigException(problems.list());
		}
		return new AppConfig(sourceName, target, defaultDomain, scope, users, groups);
	}

	private ScopeSettings scope(YamlNode node) {
		if (node == null) {
			return ScopeSettings.DEFAULT;
		}
		Map<String, YamlNode> e = node.entries(SCOPE_KEYS);
		AssignmentScope assignment = AssignmentScope.ASSIGNED_ONLY;
		if (e.get("assignment") != null) {
			String text = e.get("assignment").text();
			if ("all".equalsIgnoreCase(text)) {
				assignment = AssignmentScope.ALL;
			}
			else if (!"assigned".equalsIgnoreCase(text)) {
				e.get("assignment").problem("expected 'assigned' or 'all' but got '" + text + "'");
			}
		}
		OutOfScopeAction outOfScope = OutOfScopeAction.DISABLE;
		if (e.get("outOfScopeAction") != null) {
			String text = e.get("outOfScopeAction").text();
			if ("delete".equalsIgnoreCase(text)) {
				outOfScope = OutOfScopeAction.DELETE;
			}
			else if (!"disable".equalsIgnoreCase(text)) {
				e.get("outOfScopeAction").problem("expected 'disable' or 'delete' but got '" + text + "'");
			}
		}
		boolean defaultAccess = e.get("excludeDefaultAccessOnly") != null && e.get("excludeDefaultAccessOnly").bool(false);
		boolean skip = e.get("skipOutOfScopeDeletions") != null && e.get("skipOutOfScopeDeletions").bool(false);
		return new ScopeSettings(assignment, defaultAccess, skip, outOfScope);
	}

	private ObjectMapping objectMapping(ObjectType type, YamlNode node) {
		if (node == null) {
			return ObjectMapping.disabled(type);
		}
		Map<String, YamlNode> e = node.entries(OBJECT_KEYS);
		boolean enabled = e.get("enabled") == null || e.get("enabled").bool(true);
		ObjectActions actions = (e.get("actions") != null) ? actions(e.get("actions")) : ObjectActions.ALL;
		ScopingFilter filter = (e.get("scopingFilters") != null) ? filters(e.get("scopingFilters")) : ScopingFilter.NONE;
		List<AttributeMapping> mappings = new ArrayList<>();
		if (e.get("mappings") != null) {
			Set<String> targets = new HashSet<>();
			Set<Integer> precedences = new HashSet<>();
			for (YamlNode item : e.get("mappings").items()) {
				AttributeMapping mapping = mapping(item);
				if (mapping == null) {
					continue;
				}
				if (!targets.add(mapping.target().text().toLowerCase(Locale.ROOT))) {
					item.problem("target '" + mapping.target() + "' is mapped twice");
				}
				if (mapping.isMatching() && !precedences.add(mapping.matchingPrecedence())) {
					item.problem("matching precedence " + mapping.matchingPrecedence() + " is used twice");
				}
				mappings.add(mapping);
			}
		}
		if (enabled && mappings.stream().noneMatch(AttributeMapping::isMatching)) {
			node.problem("at least one mapping needs a matchingPrecedence (Entra: 'Match objects using this attribute')");
		}
		return new ObjectMapping(type, enabled, actions, filter, mappings);
	}

	private ObjectActions actions(YamlNode node) {
		boolean create = false;
		boolean update = false;
		boolean delete = false;
		for (YamlNode item : node.items()) {
			String text = item.text();
			if (text == null) {
				continue;
			}
			switch (text.trim().toLowerCase(Locale.ROOT)) {
				case "create" -> create = true;
				case "update" -> update = true;
				case "delete" -> delete = true;
				default -> item.problem("unknown action '" + text + "' (allowed: create, update, delete)");
			}
		}
		return new ObjectActions(create, update, delete);
	}

	private ScopingFilter filters(YamlNode node) {
		List<FilterGroup> groups = new ArrayList<>();
		for (YamlNode item : node.items()) {
			Map<String, YamlNode> e = item.entries(FILTER_KEYS);
			String name = (e.get("name") != null) ? e.get("name").text() : "filter " + (groups.size() + 1);
			List<FilterClause> clauses = new ArrayList<>();
			if (e.get("clauses") == null) {
				item.problem("a scoping filter needs clauses");
			}
			else {
				for (YamlNode clause : e.get("clauses").items()) {
					FilterClause parsed = clause(clause);
					if (parsed != null) {
						clauses.add(parsed);
					}
				}
			}
			groups.add(new FilterGroup(name, clauses));
		}
		return new ScopingFilter(groups);
	}

	private FilterClause clause(YamlNode node) {
		Map<String, YamlNode> e = node.entries(CLAUSE_KEYS);
		String attribute = required(e, "attribute", node);
		String operatorName = required(e, "operator", node);
		if (attribute != null && !ATTRIBUTE_NAME.matcher(attribute).matches()) {
			e.get("attribute").problem("'" + attribute + "' is not a source attribute name");
		}
		FilterOperator operator = null;
		if (operatorName != null) {
			operator = FilterOperator.fromName(operatorName).orElse(null);
			if (operator == null) {
				e.get("operator").problem("unknown operator '" + operatorName + "' (allowed: " + FilterOperator.names() + ")");
			}
		}
		List<String> values = new ArrayList<>();
		if (e.get("value") != null) {
			values.add(e.get("value").text());
		}
		if (e.get("values") != null) {
			e.get("values").items().forEach((v) -> values.add(v.text()));
		}
		if (operator == null || attribute == null) {
			return null;
		}
		if (operator.needsValue() && values.isEmpty()) {
			node.problem("operator " + operator.entraName() + " needs a value");
			return null;
		}
		if (!operator.needsValue() && !values.isEmpty()) {
			node.problem("operator " + operator.entraName() + " takes no value");
		}
		YamlNode valueNode = (e.get("value") != null) ? e.get("value") : e.get("values");
		for (String value : values) {
			if (operator.isIntegerComparison() && FilterEvaluator.parseInteger(value) == null) {
				valueNode.problem("operator " + operator.entraName() + " compares integers but '" + value + "' is not one");
			}
			if (operator == FilterOperator.REGEX_MATCH || operator == FilterOperator.NOT_REGEX_MATCH) {
				try {
					Pattern.compile(value);
				}
				catch (PatternSyntaxException ex) {
					valueNode.problem("regular expression does not compile: " + ex.getDescription() + " near index "
							+ ex.getIndex());
				}
			}
		}
		return new FilterClause(attribute, operator, values);
	}

	private AttributeMapping mapping(YamlNode node) {
		Map<String, YamlNode> e = node.entries(MAPPING_KEYS);
		String targetText = required(e, "target", node);
		TargetPath target = null;
		if (targetText != null) {
			try {
				target = TargetPath.parse(targetText);
			}
			catch (IllegalArgumentException ex) {
				e.get("target").problem(ex.getMessage());
			}
		}
		List<String> kinds = new ArrayList<>();
		for (String key : List.of("source", "constant", "expression", "reference")) {
			if (e.containsKey(key)) {
				kinds.add(key);
			}
		}
		if (kinds.size() > 1) {
			node.problem("a mapping has one of source, constant, expression or reference, but this one has "
					+ String.join(" and ", kinds));
			return null;
		}
		String defaultValue = (e.get("default") != null) ? e.get("default").text() : null;
		MappingType type;
		String source = null;
		Expression expression = null;
		if (kinds.isEmpty()) {
			if (defaultValue == null) {
				node.problem("a mapping needs a source attribute, a constant, an expression, a reference or a default");
				return null;
			}
			type = MappingType.NONE;
		}
		else {
			String kind = kinds.get(0);
			YamlNode value = e.get(kind);
			source = value.text();
			type = switch (kind) {
				case "source" -> MappingType.DIRECT;
				case "constant" -> MappingType.CONSTANT;
				case "reference" -> MappingType.REFERENCE;
				default -> MappingType.EXPRESSION;
			};
			if ((type == MappingType.DIRECT || type == MappingType.REFERENCE)
					&& (source == null || !ATTRIBUTE_NAME.matcher(source.trim()).matches())) {
				value.problem((source == null || source.isBlank()) ? "missing source attribute name"
						: "'" + source + "' is not a source attribute name (write expressions under 'expression')");
			}
			if (type == MappingType.DIRECT && source != null) {
				source = source.trim();
			}
			if (type == MappingType.EXPRESSION && source != null) {
				expression = expression(value, source);
			}
		}
		int precedence = (e.get("matchingPrecedence") != null) ? e.get("matchingPrecedence").integer(0) : 0;
		if (precedence < 0) {
			e.get("matchingPrecedence").problem("matchingPrecedence must be 0 (not matching) or more");
		}
		ApplyOn applyOn = ApplyOn.ALWAYS;
		if (e.get("apply") != null) {
			String text = e.get("apply").text();
			String normalised = String.valueOf(text).replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
			if (Set.of("createonly", "onobjectcreationonly", "objectaddonly").contains(normalised)) {
				applyOn = ApplyOn.CREATE_ONLY;
			}
			else if (!"always".equals(normalised)) {
				e.get("apply").problem("expected 'always' or 'createOnly' (Entra: 'Only during object creation', "
						+ "Graph flowType ObjectAddOnly) but got '" + text + "'");
			}
		}
		TargetType targetType = TargetType.AUTO;
		if (e.get("type") != null) {
			String text = e.get("type").text();
			try {
				targetType = TargetType.valueOf(String.valueOf(text).trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				e.get("type").problem("expected auto, string, boolean or integer but got '" + text + "'");
			}
		}
		boolean sensitive = e.get("sensitive") != null && e.get("sensitive").bool(false);
		if (type == MappingType.REFERENCE && sensitive) {
			e.get("sensitive").problem("a reference carries a source id and cannot be sensitive");
		}
		if (type == MappingType.REFERENCE && precedence > 0) {
			node.problem("a reference cannot be a matching attribute");
		}
		if (target == null) {
			return null;
		}
		return new AttributeMapping(target, type, source, expression, defaultValue, precedence, applyOn, targetType,
				sensitive);
	}

	private Expression expression(YamlNode node, String text) {
		try {
			return this.parser.parse(text);
		}
		catch (ExpressionException ex) {
			String diagram = ex.caretDiagram().replace("\n", "\n      ");
			node.problem(ex.getMessage() + "\n      " + diagram);
			return null;
		}
	}

	private static String required(Map<String, YamlNode> entries, String key, YamlNode parent) {
		YamlNode node = entries.get(key);
		if (node == null) {
			parent.problem("'" + key + "' is required");
			return null;
		}
		String text = node.text();
		if (text == null || text.isBlank()) {
			node.problem("'" + key + "' must not be empty");
			return null;
		}
		return text;
	}

}

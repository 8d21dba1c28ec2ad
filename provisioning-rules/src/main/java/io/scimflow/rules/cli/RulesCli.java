package io.scimflow.rules.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.scimflow.rules.config.AppConfig;
import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.config.ConfigException;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.rules.expression.ExpressionException;
import io.scimflow.rules.mapping.MappingException;
import io.scimflow.rules.preview.PreviewService;
import io.scimflow.rules.preview.SourceObjectMaps;
import io.scimflow.rules.source.SourceObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The rules from the shell: preview what provisioning a user would do, evaluate one
 * expression, or validate an app configuration. Exit codes: 0 ok, 1 the input is wrong
 * (bad JSON, mapping error), 2 the configuration or expression is invalid.
 */
@Command(name = "scimflow-rules", mixinStandardHelpOptions = true, version = "scimflow-rules 0.1.0",
		description = "Preview Entra-compatible scoping, attribute mappings and expressions.",
		subcommands = { RulesCli.Preview.class, RulesCli.Expr.class, RulesCli.Validate.class })
public final class RulesCli implements Runnable {

	static final int INPUT_ERROR = 1;

	static final int CONFIG_ERROR = 2;

	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs the CLI with the given streams; returns the exit code. */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new RulesCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		return commandLine.execute(args);
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	static Map<String, Object> readJson(File file) throws IOException {
		return JSON.readValue(file, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	static AppConfig loadConfig(String location) {
		return new AppConfigLoader().loadLocation(location);
	}

	@Command(name = "preview", mixinStandardHelpOptions = true,
			description = "Print the scoping decision with reasons and the SCIM requests for a user, as JSON.")
	static final class Preview implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = { "-c", "--config" }, defaultValue = "classpath:apps/miro.yaml",
				description = "App configuration: a file, or classpath:apps/miro.yaml (default: ${DEFAULT-VALUE}).")
		String config;

		@Option(names = { "-u", "--user" }, required = true, description = "The user as JSON (see README).")
		File user;

		@Override
		public Integer call() throws IOException {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			AppConfig appConfig;
			try {
				appConfig = loadConfig(this.config);
			}
			catch (ConfigException ex) {
				err.println(ex.getMessage());
				return CONFIG_ERROR;
			}
			try {
				SourceObject source = SourceObjectMaps.user(readJson(this.user));
				PreviewService preview = new PreviewService(ProvisioningRules.of(appConfig));
				out.println(JSON.writeValueAsString(preview.previewUserAsMap(source)));
				return 0;
			}
			catch (IOException | IllegalArgumentException | MappingException ex) {
				err.println(this.user + ": " + ex.getMessage());
				return INPUT_ERROR;
			}
		}

	}

	@Command(name = "expr", mixinStandardHelpOptions = true,
			description = "Evaluate one expression against a user's attributes and print the value as JSON.")
	static final class Expr implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Parameters(index = "0", description = "The expression, e.g. 'Join(\" \", [givenName], [surname])'.")
		String expression;

		@Option(names = { "-f", "--attributes" }, description = "The user as JSON (see README).")
		File attributes;

		@Option(names = { "-a", "--attribute" }, description = "An attribute as name=value (repeatable).")
		Map<String, String> inline = new LinkedHashMap<>();

		@Option(names = { "-c", "--config" }, defaultValue = "classpath:apps/miro.yaml",
				description = "App configuration for IsSoftDeleted and DefaultDomain (default: ${DEFAULT-VALUE}).")
		String config;

		@Override
		public Integer call() throws IOException {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			Map<String, Object> json = new LinkedHashMap<>();
			if (this.attributes != null) {
				json.putAll(readJson(this.attributes));
			}
			json.putAll(this.inline);
			try {
				SourceObject source = SourceObjectMaps.user(json);
				PreviewService preview = new PreviewService(ProvisioningRules.of(loadConfig(this.config)));
				out.println(JSON.writeValueAsString(preview.evaluate(this.expression, source)));
				return 0;
			}
			catch (ExpressionException ex) {
				err.println(ex.getMessage());
				err.println(ex.caretDiagram());
				return CONFIG_ERROR;
			}
			catch (ConfigException ex) {
				err.println(ex.getMessage());
				return CONFIG_ERROR;
			}
			catch (IllegalArgumentException ex) {
				err.println(ex.getMessage());
				return INPUT_ERROR;
			}
		}

	}

	@Command(name = "validate", mixinStandardHelpOptions = true,
			description = "Validate an app configuration and list every problem.")
	static final class Validate implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = { "-c", "--config" }, required = true, description = "App configuration file.")
		String config;

		@Override
		public Integer call() {
			try {
				AppConfig app = loadConfig(this.config);
				this.spec.commandLine()
					.getOut()
					.println(app.source() + ": OK (target " + app.targetProfile() + ", " + app.users().mappings().size()
							+ " user mappings, " + app.groups().mappings().size() + " group mappings)");
				return 0;
			}
			catch (ConfigException ex) {
				this.spec.commandLine().getErr().println(ex.getMessage());
				return CONFIG_ERROR;
			}
		}

	}

}

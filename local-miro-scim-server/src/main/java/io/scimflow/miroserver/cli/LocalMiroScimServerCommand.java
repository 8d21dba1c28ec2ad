package io.scimflow.miroserver.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.scimflow.miroserver.GroupModel;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;

/**
 * Runs the local Miro SCIM server from the command line until it is interrupted. Every
 * option maps to one {@link MiroServerSettings} knob; defaults are the same.
 */
@Command(name = "local-miro-scim-server", mixinStandardHelpOptions = true, sortOptions = false,
		description = "A local SCIM 2.0 server that behaves like Miro's SCIM API (base path /api/v1/scim).",
		footer = "The bearer token comes from --token-file, else the MIRO_SCIM_TOKEN environment variable, "
				+ "else the documented development token.")
public final class LocalMiroScimServerCommand implements Callable<Integer> {

	static final String TOKEN_ENV = "MIRO_SCIM_TOKEN";

	@Option(names = "--host", description = "Interface to bind (0.0.0.0 in a container). Default: ${DEFAULT-VALUE}")
	String host = "127.0.0.1";

	@Option(names = "--port", description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}")
	int port = 8089;

	@Option(names = "--token-file", description = "File holding the bearer token (first line, trimmed)")
	Path tokenFile;

	@Option(names = "--group-model", description = "TEAMS or USER_GROUPS. Default: ${DEFAULT-VALUE}")
	GroupModel groupModel = GroupModel.TEAMS;

	@Option(names = "--scim-disabled", description = "Answer every request with 403 (SCIM turned off for the org)")
	boolean scimDisabled;

	@Option(names = "--no-rate-limits", description = "Turn Miro's per-endpoint rate limits off (on by default)")
	boolean noRateLimits;

	@Option(names = "--rate-limit-scale", description = "Multiply every limit by this. Default: ${DEFAULT-VALUE}")
	double rateLimitScale = 1.0;

	@Option(names = "--rate-limit-window", description = "Sliding window (ISO-8601 or e.g. 30s). Default: 30s",
			converter = DurationConverter.class)
	Duration rateLimitWindow = Duration.ofSeconds(30);

	@Option(names = "--retry-after", description = "Send Retry-After with 429 (unverified for Miro)")
	boolean retryAfter;

	@Option(names = "--latency", description = "Added latency per request, e.g. 50ms. Default: 0",
			converter = DurationConverter.class)
	Duration latency = Duration.ZERO;

	@Option(names = "--failure-rate", description = "Probability 0..1 of an injected 500. Default: ${DEFAULT-VALUE}")
	double failureRate;

	@Option(names = "--timeout-rate",
			description = "Probability 0..1 that an answer is held back after processing. Default: ${DEFAULT-VALUE}")
	double timeoutRate;

	@Option(names = "--timeout-delay", description = "How long a held-back answer waits. Default: 30s",
			converter = DurationConverter.class)
	Duration timeoutDelay = Duration.ofSeconds(30);

	@Option(names = "--duplicate-status", description = "Status for a duplicate userName: 409 or 400. Default: ${DEFAULT-VALUE}")
	int duplicateStatus = 409;

	@Option(names = "--frozen-field-status",
			description = "Status for userType/roles changes of a deactivated user: 409 or 400. Default: ${DEFAULT-VALUE}")
	int frozenFieldStatus = 409;

	@Option(names = "--threads", description = "Request threads. Default: ${DEFAULT-VALUE}")
	int threads = 64;

	@Option(names = "--default-page-size", description = "count when absent. Default: ${DEFAULT-VALUE}")
	int defaultPageSize = 100;

	@Option(names = "--max-page-size", description = "Largest count honoured. Default: ${DEFAULT-VALUE}")
	int maxPageSize = 1000;

	@Option(names = "--max-payload-bytes", description = "Larger bodies get 413. Default: ${DEFAULT-VALUE}")
	int maxPayloadBytes = 800_000;

	@Option(names = "--max-group-patch-members", description = "Group PATCH member limit (413). Default: ${DEFAULT-VALUE}")
	int maxGroupPatchMembers = 8000;

	@Option(names = "--cheap-group-patch-bytes",
			description = "Group PATCH bodies below this use the cheap rate bucket. Default: ${DEFAULT-VALUE}")
	int cheapGroupPatchBytes = 500;

	@Option(names = "--no-journal", description = "Keep no journal entries (counters stay on)")
	boolean noJournal;

	@Option(names = "--no-journal-bodies", description = "Keep journal entries without request/response bodies")
	boolean noJournalBodies;

	@Option(names = "--default-team", description = "Default team every created user joins (created if missing)")
	String defaultTeam;

	@Option(names = "--default-user-type", description = "License when a create omits userType. Default: ${DEFAULT-VALUE}")
	String defaultUserType = "Full";

	@Option(names = "--allowed-domains", split = ",", description = "Allowed email domains (others get 409); default all")
	List<String> allowedDomains = List.of();

	@Option(names = "--full-license-limit", description = "Active Full users allowed; 0 = unlimited. Default: ${DEFAULT-VALUE}")
	int fullLicenseLimit;

	@Option(names = "--block-admin-deactivation", description = "Refuse deactivating a Company Admin (409)")
	boolean blockAdminDeactivation;

	@Option(names = "--miro-405-body", description = "Answer 405 with Miro's observed non-SCIM body")
	boolean miro405Body;

	@Option(names = "--seed", description = "Seed file (JSON or YAML) with teams and users to pre-create")
	Path seed;

	@Option(names = "--teams", split = ",", description = "Teams to pre-create, e.g. \"Engineering,Sales\"")
	List<String> teams = List.of();

	private final CountDownLatch stopped = new CountDownLatch(1);

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/** The command with an error handler that prints one clear line instead of a stack trace. */
	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new LocalMiroScimServerCommand());
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			cmd.getErr().println("local-miro-scim-server: " + ex.getMessage());
			return 2;
		});
		return commandLine;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		TokenSource token = token(System.getenv(TOKEN_ENV));
		MiroServerSettings settings = settings(token.token());
		SeedFile seedFile = (this.seed != null) ? SeedFile.read(this.seed) : null;
		LocalMiroScimServer server = LocalMiroScimServer.start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			this.stopped.countDown();
		}, "local-miro-scim-shutdown"));
		for (String team : this.teams) {
			if (!team.isBlank() && server.teamByName(team.trim()).isEmpty()) {
				server.seedTeam(team.trim());
			}
		}
		if (seedFile != null) {
			seedFile.applyTo(server);
		}
		out.println("Local Miro SCIM server listening on " + server.baseUrl());
		out.println("Token: " + token.description() + "; teams: " + server.teams().size() + "; users: "
				+ server.users().size() + "; group model: " + settings.groupModel() + "; rate limits: "
				+ (settings.rateLimitsEnabled() ? "on (x" + settings.rateLimitScale() + ")" : "off"));
		this.stopped.await();
		return 0;
	}

	MiroServerSettings settings(String token) {
		return MiroServerSettings.builder()
			.host(this.host)
			.port(this.port)
			.token(token)
			.groupModel(this.groupModel)
			.scimEnabled(!this.scimDisabled)
			.rateLimitsEnabled(!this.noRateLimits)
			.rateLimitScale(this.rateLimitScale)
			.rateLimitWindow(this.rateLimitWindow)
			.retryAfterHeader(this.retryAfter)
			.addedLatency(this.latency)
			.failureRate(this.failureRate)
			.timeoutRate(this.timeoutRate)
			.timeoutDelay(this.timeoutDelay)
			.duplicateCreateStatus(this.duplicateStatus)
			.frozenFieldStatus(this.frozenFieldStatus)
			.threads(this.threads)
			.defaultPageSize(this.defaultPageSize)
			.maxPageSize(this.maxPageSize)
			.maxPayloadBytes(this.maxPayloadBytes)
			.maxGroupPatchMembers(this.maxGroupPatchMembers)
			.cheapGroupPatchBytes(this.cheapGroupPatchBytes)
			.journalEnabled(!this.noJournal)
			.journalBodies(!this.noJournalBodies)
			.defaultTeam(this.defaultTeam)
			.defaultUserType(this.defaultUserType)
			.allowedDomains(this.allowedDomains)
			.fullLicenseLimit(this.fullLicenseLimit)
			.blockAdminDeactivation(this.blockAdminDeactivation)
			.miroStyle405Body(this.miro405Body)
			.build();
	}

	/** The token and where it came from (the description never contains the token). */
	record TokenSource(String token, String description) {
	}

	TokenSource token(String environmentValue) throws IOException {
		if (this.tokenFile != null) {
			String text = Files.readString(this.tokenFile, StandardCharsets.UTF_8).strip();
			String firstLine = text.lines().findFirst().orElse("").strip();
			if (firstLine.isEmpty()) {
				throw new IllegalArgumentException("Token file " + this.tokenFile + " is empty");
			}
			return new TokenSource(firstLine, "from --token-file " + this.tokenFile);
		}
		if (environmentValue != null && !environmentValue.isBlank()) {
			return new TokenSource(environmentValue.strip(), "from " + TOKEN_ENV);
		}
		return new TokenSource(MiroServerSettings.DEFAULT_TOKEN, "the development default (see README)");
	}

	/** Accepts ISO-8601 ({@code PT30S}) or a number with ms, s, m or h ({@code 30s}, {@code 250ms}). */
	static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			String text = value.trim().toLowerCase(java.util.Locale.ROOT);
			if (text.startsWith("p")) {
				return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
			}
			if (text.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
			}
			long amount = Long.parseLong(text.substring(0, text.length() - 1).trim());
			return switch (text.charAt(text.length() - 1)) {
				case 's' -> Duration.ofSeconds(amount);
				case 'm' -> Duration.ofMinutes(amount);
				case 'h' -> Duration.ofHours(amount);
				default -> throw new CommandLine.TypeConversionException(
						"Invalid duration '" + value + "': use e.g. 250ms, 30s, 5m or PT30S");
			};
		}

	}

}

package io.scimflow.miroserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.scimflow.miroserver.discovery.DiscoveryEndpoint;
import io.scimflow.miroserver.groups.GroupEndpoint;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.miroserver.journal.RequestJournal;
import io.scimflow.miroserver.org.Organization;
import io.scimflow.miroserver.org.StoredUser;
import io.scimflow.miroserver.org.Team;
import io.scimflow.miroserver.ratelimit.RateLimiter;
import io.scimflow.miroserver.scim.ScimJson;
import io.scimflow.miroserver.users.UserEndpoint;
import io.scimflow.miroserver.http.ScimHttpHandler;

/**
 * A local SCIM 2.0 service provider that behaves like Miro's SCIM API, for tests,
 * benchmarks, the embedded default and manual use. Thread-safe.
 *
 * <pre>
 * try (LocalMiroScimServer server = LocalMiroScimServer.start(MiroServerSettings.defaults())) {
 *     String teamId = server.seedTeam("Engineering");
 *     // point a SCIM client at server.baseUrl() with server.settings().token()
 * }
 * </pre>
 */
public final class LocalMiroScimServer implements AutoCloseable {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	static {
		// Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
		// delayed ACK and every answer takes ~40 ms. The JDK reads this property once, when its
		// first HttpServer starts, so it is set here unless the user chose a value.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer http;

	private final ExecutorService executor;

	private final Organization org = new Organization();

	private final RequestJournal journal = new RequestJournal();

	private final UserEndpoint users;

	private final String baseUrl;

	private volatile MiroServerSettings settings;

	private volatile RateLimiter rateLimiter;

	private LocalMiroScimServer(MiroServerSettings settings) throws IOException {
		this.settings = settings;
		this.rateLimiter = new RateLimiter(settings.rateLimitScale(), settings.rateLimitWindow());
		this.http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 1024);
		String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
		if ("0.0.0.0".equals(settings.host()) || "::".equals(settings.host())) {
			host = "127.0.0.1";
		}
		this.baseUrl = "http://" + host + ":" + this.http.getAddress().getPort() + "/api/v1/scim";
		this.users = new UserEndpoint(this.org, this::settings, this::baseUrl);
		GroupEndpoint groups = new GroupEndpoint(this.org, this::settings, this::baseUrl);
		DiscoveryEndpoint discovery = new DiscoveryEndpoint(this::baseUrl);
		this.http.createContext("/",
				new ScimHttpHandler(this::settings, () -> this.rateLimiter, this.users, groups, discovery, this.journal));
		this.executor = Executors.newFixedThreadPool(settings.threads(), new NamedThreads());
		this.http.setExecutor(this.executor);
		createDefaultTeam();
	}

	/** Starts a server with the given settings; it listens until {@link #close()}. */
	public static LocalMiroScimServer start(MiroServerSettings settings) {
		Objects.requireNonNull(settings, "settings");
		try {
			LocalMiroScimServer server = new LocalMiroScimServer(settings);
			server.http.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot start the local Miro SCIM server on " + settings.host() + ":" + settings.port(), ex);
		}
	}

	/** Starts a server with {@link MiroServerSettings#defaults()}. */
	public static LocalMiroScimServer start() {
		return start(MiroServerSettings.defaults());
	}

	/** The SCIM base URL, e.g. {@code http://127.0.0.1:41234/api/v1/scim} (no trailing slash). */
	public String baseUrl() {
		return this.baseUrl;
	}

	public int port() {
		return this.http.getAddress().getPort();
	}

	public MiroServerSettings settings() {
		return this.settings;
	}

	/**
	 * Replaces the settings of the running server. host, port and threads keep the values the
	 * server started with; changing the rate-limit scale or window starts fresh windows.
	 */
	public void settings(MiroServerSettings newSettings) {
		MiroServerSettings started = this.settings;
		MiroServerSettings applied = newSettings.toBuilder()
			.host(started.host())
			.port(started.port())
			.threads(started.threads())
			.build();
		if (!this.rateLimiter.sameConfiguration(applied.rateLimitScale(), applied.rateLimitWindow())) {
			this.rateLimiter = new RateLimiter(applied.rateLimitScale(), applied.rateLimitWindow());
		}
		this.settings = applied;
		createDefaultTeam();
	}

	/** Changes some settings of the running server: {@code server.updateSettings(s -> s.failureRate(0.1))}. */
	public void updateSettings(UnaryOperator<MiroServerSettings.Builder> change) {
		settings(change.apply(this.settings.toBuilder()).build());
	}

	/** Forgets all users, teams, journal entries, counters and rate-limit windows; re-creates the default team. */
	public void reset() {
		this.org.clear();
		this.journal.clear();
		this.rateLimiter = new RateLimiter(this.settings.rateLimitScale(), this.settings.rateLimitWindow());
		createDefaultTeam();
	}

	private void createDefaultTeam() {
		String name = this.settings.defaultTeam();
		if (name != null && this.org.teamByName(name).isEmpty()) {
			this.org.addTeam(name);
		}
	}

	// ---- seeding

	/** Creates a team (Miro teams cannot be created over SCIM) and returns its id. */
	public String seedTeam(String displayName) {
		Objects.requireNonNull(displayName, "displayName");
		return this.org.addTeam(displayName).id();
	}

	/** Creates an active member with the default license and returns its id. */
	public String seedUser(String userName) {
		return seedUser(SeedUser.member(userName));
	}

	/** Creates an account without SCIM (see {@link SeedUser}) and returns its id. */
	public String seedUser(SeedUser user) {
		return this.users.seed(user);
	}

	// ---- inspection

	/** Every account (guests included) in creation order. */
	public List<UserSnapshot> users() {
		List<UserSnapshot> result = new ArrayList<>();
		for (StoredUser user : this.org.users()) {
			result.add(snapshot(user));
		}
		return result;
	}

	public Optional<UserSnapshot> user(String id) {
		return Optional.ofNullable(this.org.user(id)).map(this::snapshot);
	}

	/** The account with this userName (compared without case). */
	public Optional<UserSnapshot> userByUserName(String userName) {
		return Optional.ofNullable(this.org.userByUserName(userName)).map(this::snapshot);
	}

	/** Every team in creation order. */
	public List<TeamSnapshot> teams() {
		List<TeamSnapshot> result = new ArrayList<>();
		for (Team team : this.org.teams()) {
			result.add(snapshot(team));
		}
		return result;
	}

	public Optional<TeamSnapshot> team(String id) {
		return Optional.ofNullable(this.org.team(id)).map(LocalMiroScimServer::snapshot);
	}

	public Optional<TeamSnapshot> teamByName(String displayName) {
		return this.org.teamByName(displayName).map(LocalMiroScimServer::snapshot);
	}

	/** The journal: one entry per request, oldest first (empty when the journal is off). */
	public List<JournalEntry> journal() {
		return this.journal.entries();
	}

	/** Clears the journal entries and all counters. */
	public void clearJournal() {
		this.journal.clear();
	}

	/** Requests per endpoint template, e.g. {@code "POST /Users" -> 1200}, counted even with the journal off. */
	public Map<String, Long> requestCounts() {
		return this.journal.countsByEndpoint();
	}

	/** Requests per HTTP status sent, counted even with the journal off. */
	public Map<Integer, Long> statusCounts() {
		return this.journal.countsByStatus();
	}

	/** How many 429 answers were sent. */
	public long rateLimitedCount() {
		return this.journal.count(429);
	}

	private UserSnapshot snapshot(StoredUser user) {
		ObjectNode rendered = this.users.render(user);
		List<String> roles = new ArrayList<>();
		rendered.path("roles").forEach((r) -> roles.add(r.path("value").asText()));
		List<String> teamIds = new ArrayList<>();
		rendered.path("groups").forEach((g) -> teamIds.add(g.path("value").asText()));
		return new UserSnapshot(user.id(), user.userName(), rendered.path("displayName").asText(), user.active(),
				user.userType(), user.guest(), List.copyOf(roles), List.copyOf(teamIds),
				ScimJson.MAPPER.convertValue(rendered, MAP));
	}

	private static TeamSnapshot snapshot(Team team) {
		return new TeamSnapshot(team.id(), team.displayName(), List.copyOf(team.members()), List.copyOf(team.admins()));
	}

	/** Stops listening at once and ends the request threads (held-back answers are dropped). */
	@Override
	public void close() {
		this.http.stop(0);
		this.executor.shutdownNow();
	}

	private static final class NamedThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "local-miro-scim-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}

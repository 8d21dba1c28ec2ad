package io.scimflow.miroserver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Every knob of the local Miro SCIM server. Immutable; build one with {@link #builder()} or
 * derive one with {@link #toBuilder()}. {@code host}, {@code port} and {@code threads} take
 * effect only when the server starts; everything else can be changed on a running server
 * with {@link LocalMiroScimServer#settings(MiroServerSettings)}.
 *
 * @param host interface to bind (default 127.0.0.1; 0.0.0.0 in a container)
 * @param port TCP port, 0 picks a free one
 * @param token the one valid bearer token (never printed by {@link #toString()})
 * @param groupModel what /Groups means: teams (default) or user groups
 * @param scimEnabled false answers every request with 403, as Miro does when SCIM is off
 * @param rateLimitsEnabled apply Miro's per-endpoint limits (reference section 4)
 * @param rateLimitScale multiply every limit by this factor (e.g. 10 for benchmarks)
 * @param rateLimitWindow length of the sliding window (Miro: 30 seconds)
 * @param retryAfterHeader send {@code Retry-After} with 429 (unverified for Miro, off by default)
 * @param addedLatency sleep this long before handling each request
 * @param failureRate probability (0..1) that a request fails with 500 before it has any effect
 * @param timeoutRate probability (0..1) that a request is processed but its answer is held back
 * @param timeoutDelay how long a held-back answer waits before it is sent
 * @param duplicateCreateStatus status for a duplicate userName: 409 (default) or 400 (Miro's error doc)
 * @param frozenFieldStatus status when userType or roles change on a deactivated user (unverified)
 * @param threads size of the request thread pool
 * @param defaultPageSize list page size when {@code count} is absent (Miro: 100)
 * @param maxPageSize largest {@code count} honoured (Miro's spec: 1000)
 * @param maxPayloadBytes larger request bodies get 413 (Miro: 800,000)
 * @param maxGroupPatchMembers a Group PATCH naming more members gets 413 (Miro: 8,000)
 * @param cheapGroupPatchBytes a Group PATCH body below this size uses the cheap rate bucket (Miro: 500)
 * @param journalEnabled keep a journal entry per request
 * @param journalBodies keep request and response bodies in the journal (turn off for big benchmarks)
 * @param defaultTeam name of the org's default team that every created user joins; null for none
 * @param defaultUserType license given when a create omits userType (Miro: the org default)
 * @param allowedDomains email domains allowed for userName; empty allows all (else 409 "not whitelisted")
 * @param fullLicenseLimit how many active Full users the org may have; 0 is unlimited
 * @param blockAdminDeactivation refuse (409) deactivating a Company Admin (unverified for SCIM)
 * @param miroStyle405Body answer 405 with Miro's observed non-SCIM body instead of a SCIM error
 */
public record MiroServerSettings(String host, int port, String token, GroupModel groupModel, boolean scimEnabled,
		boolean rateLimitsEnabled, double rateLimitScale, Duration rateLimitWindow, boolean retryAfterHeader,
		Duration addedLatency, double failureRate, double timeoutRate, Duration timeoutDelay,
		int duplicateCreateStatus, int frozenFieldStatus, int threads, int defaultPageSize, int maxPageSize,
		int maxPayloadBytes, int maxGroupPatchMembers, int cheapGroupPatchBytes, boolean journalEnabled,
		boolean journalBodies, String defaultTeam, String defaultUserType, List<String> allowedDomains,
		int fullLicenseLimit, boolean blockAdminDeactivation, boolean miroStyle405Body) {

	/** The token used when none is configured; documented in the README, fine for local use only. */
	public static final String DEFAULT_TOKEN = "local-miro-scim-token";

	public MiroServerSettings {
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(groupModel, "groupModel");
		Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
		Objects.requireNonNull(addedLatency, "addedLatency");
		Objects.requireNonNull(timeoutDelay, "timeoutDelay");
		Objects.requireNonNull(defaultUserType, "defaultUserType");
		allowedDomains = allowedDomains == null ? List.of()
				: allowedDomains.stream().map((d) -> d.trim().toLowerCase(Locale.ROOT)).filter((d) -> !d.isEmpty()).toList();
		check(port >= 0 && port <= 65535, "port", port, "must be 0..65535");
		check(!token.isBlank(), "token", "(blank)", "must not be blank");
		check(rateLimitScale > 0, "rateLimitScale", rateLimitScale, "must be > 0");
		check(!rateLimitWindow.isNegative() && !rateLimitWindow.isZero(), "rateLimitWindow", rateLimitWindow, "must be > 0");
		check(failureRate >= 0 && failureRate <= 1, "failureRate", failureRate, "must be 0..1");
		check(timeoutRate >= 0 && timeoutRate <= 1, "timeoutRate", timeoutRate, "must be 0..1");
		check(!addedLatency.isNegative(), "addedLatency", addedLatency, "must not be negative");
		check(duplicateCreateStatus == 409 || duplicateCreateStatus == 400, "duplicateCreateStatus",
				duplicateCreateStatus, "must be 409 or 400");
		check(frozenFieldStatus == 409 || frozenFieldStatus == 400, "frozenFieldStatus", frozenFieldStatus,
				"must be 409 or 400");
		check(threads > 0, "threads", threads, "must be > 0");
		check(defaultPageSize >= 0, "defaultPageSize", defaultPageSize, "must be >= 0");
		check(maxPageSize > 0, "maxPageSize", maxPageSize, "must be > 0");
		check(maxPayloadBytes > 0, "maxPayloadBytes", maxPayloadBytes, "must be > 0");
		check(maxGroupPatchMembers > 0, "maxGroupPatchMembers", maxGroupPatchMembers, "must be > 0");
		check(fullLicenseLimit >= 0, "fullLicenseLimit", fullLicenseLimit, "must be >= 0");
		if (defaultTeam != null && defaultTeam.isBlank()) {
			defaultTeam = null;
		}
	}

	private static void check(boolean ok, String key, Object value, String reason) {
		if (!ok) {
			throw new IllegalArgumentException("Invalid value " + value + " for setting " + key + ": " + reason);
		}
	}

	/** The defaults: Miro's documented behaviour on 127.0.0.1, a free port and the development token. */
	public static MiroServerSettings defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	@Override
	public String toString() {
		return "MiroServerSettings[host=" + host + ", port=" + port + ", token=***, groupModel=" + groupModel
				+ ", scimEnabled=" + scimEnabled + ", rateLimitsEnabled=" + rateLimitsEnabled + ", rateLimitScale="
				+ rateLimitScale + ", rateLimitWindow=" + rateLimitWindow + ", retryAfterHeader=" + retryAfterHeader
				+ ", addedLatency=" + addedLatency + ", failureRate=" + failureRate + ", timeoutRate=" + timeoutRate
				+ ", timeoutDelay=" + timeoutDelay + ", duplicateCreateStatus=" + duplicateCreateStatus
				+ ", frozenFieldStatus=" + frozenFieldStatus + ", threads=" + threads + ", defaultPageSize="
				+ defaultPageSize + ", maxPageSize=" + maxPageSize + ", maxPayloadBytes=" + maxPayloadBytes
				+ ", maxGroupPatchMembers=" + maxGroupPatchMembers + ", cheapGroupPatchBytes=" + cheapGroupPatchBytes
				+ ", journalEnabled=" + journalEnabled + ", journalBodies=" + journalBodies + ", defaultTeam="
				+ defaultTeam + ", defaultUserType=" + defaultUserType + ", allowedDomains=" + allowedDomains
				+ ", fullLicenseLimit=" + fullLicenseLimit + ", blockAdminDeactivation=" + blockAdminDeactivation
				+ ", miroStyle405Body=" + miroStyle405Body + "]";
	}

	/** Mutable builder; not thread-safe. */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port = 0;

		private String token = DEFAULT_TOKEN;

		private GroupModel groupModel = GroupModel.TEAMS;

		private boolean scimEnabled = true;

		private boolean rateLimitsEnabled = true;

		private double rateLimitScale = 1.0;

		private Duration rateLimitWindow = Duration.ofSeconds(30);

		private boolean retryAfterHeader = false;

		private Duration addedLatency = Duration.ZERO;

		private double failureRate = 0;

		private double timeoutRate = 0;

		private Duration timeoutDelay = Duration.ofSeconds(30);

		private int duplicateCreateStatus = 409;

		private int frozenFieldStatus = 409;

		private int threads = 64;

		private int defaultPageSize = 100;

		private int maxPageSize = 1000;

		private int maxPayloadBytes = 800_000;

		private int maxGroupPatchMembers = 8000;

		private int cheapGroupPatchBytes = 500;

		private boolean journalEnabled = true;

		private boolean journalBodies = true;

		private String defaultTeam = null;

		private String defaultUserType = "Full";

		private List<String> allowedDomains = List.of();

		private int fullLicenseLimit = 0;

		private boolean blockAdminDeactivation = false;

		private boolean miroStyle405Body = false;

		private Builder() {
		}

		private Builder(MiroServerSettings s) {
			this.host = s.host;
			this.port = s.port;
			this.token = s.token;
			this.groupModel = s.groupModel;
			this.scimEnabled = s.scimEnabled;
			this.rateLimitsEnabled = s.rateLimitsEnabled;
			this.rateLimitScale = s.rateLimitScale;
			this.rateLimitWindow = s.rateLimitWindow;
			this.retryAfterHeader = s.retryAfterHeader;
			this.addedLatency = s.addedLatency;
			this.failureRate = s.failureRate;
			this.timeoutRate = s.timeoutRate;
			this.timeoutDelay = s.timeoutDelay;
			this.duplicateCreateStatus = s.duplicateCreateStatus;
			this.frozenFieldStatus = s.frozenFieldStatus;
			this.threads = s.threads;
			this.defaultPageSize = s.defaultPageSize;
			this.maxPageSize = s.maxPageSize;
			this.maxPayloadBytes = s.maxPayloadBytes;
			this.maxGroupPatchMembers = s.maxGroupPatchMembers;
			this.cheapGroupPatchBytes = s.cheapGroupPatchBytes;
			this.journalEnabled = s.journalEnabled;
			this.journalBodies = s.journalBodies;
			this.defaultTeam = s.defaultTeam;
			this.defaultUserType = s.defaultUserType;
			this.allowedDomains = s.allowedDomains;
			this.fullLicenseLimit = s.fullLicenseLimit;
			this.blockAdminDeactivation = s.blockAdminDeactivation;
			this.miroStyle405Body = s.miroStyle405Body;
		}

		public Builder host(String host) {
			this.host = host;
			return this;
		}

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder token(String token) {
			this.token = token;
			return this;
		}

		public Builder groupModel(GroupModel groupModel) {
			this.groupModel = groupModel;
			return this;
		}

		public Builder scimEnabled(boolean scimEnabled) {
			this.scimEnabled = scimEnabled;
			return this;
		}

		public Builder rateLimitsEnabled(boolean rateLimitsEnabled) {
			this.rateLimitsEnabled = rateLimitsEnabled;
			return this;
		}

		public Builder rateLimitScale(double rateLimitScale) {
			this.rateLimitScale = rateLimitScale;
			return this;
		}

		public Builder rateLimitWindow(Duration rateLimitWindow) {
			this.rateLimitWindow = rateLimitWindow;
			return this;
		}

		public Builder retryAfterHeader(boolean retryAfterHeader) {
			this.retryAfterHeader = retryAfterHeader;
			return this;
		}

		public Builder addedLatency(Duration addedLatency) {
			this.addedLatency = addedLatency;
			return this;
		}

		public Builder failureRate(double failureRate) {
			this.failureRate = failureRate;
			return this;
		}

		public Builder timeoutRate(double timeoutRate) {
			this.timeoutRate = timeoutRate;
			return this;
		}

		public Builder timeoutDelay(Duration timeoutDelay) {
			this.timeoutDelay = timeoutDelay;
			return this;
		}

		public Builder duplicateCreateStatus(int duplicateCreateStatus) {
			this.duplicateCreateStatus = duplicateCreateStatus;
			return this;
		}

		public Builder frozenFieldStatus(int frozenFieldStatus) {
			this.frozenFieldStatus = frozenFieldStatus;
			return this;
		}

		public Builder threads(int threads) {
			this.threads = threads;
			return this;
		}

		public Builder defaultPageSize(int defaultPageSize) {
			this.defaultPageSize = defaultPageSize;
			return this;
		}

		public Builder maxPageSize(int maxPageSize) {
			this.maxPageSize = maxPageSize;
			return this;
		}

		public Builder maxPayloadBytes(int maxPayloadBytes) {
			this.maxPayloadBytes = maxPayloadBytes;
			return this;
		}

		public Builder maxGroupPatchMembers(int maxGroupPatchMembers) {
			this.maxGroupPatchMembers = maxGroupPatchMembers;
			return this;
		}

		public Builder cheapGroupPatchBytes(int cheapGroupPatchBytes) {
			this.cheapGroupPatchBytes = cheapGroupPatchBytes;
			return this;
		}

		public Builder journalEnabled(boolean journalEnabled) {
			this.journalEnabled = journalEnabled;
			return this;
		}

		public Builder journalBodies(boolean journalBodies) {
			this.journalBodies = journalBodies;
			return this;
		}

		public Builder defaultTeam(String defaultTeam) {
			this.defaultTeam = defaultTeam;
			return this;
		}

		public Builder defaultUserType(String defaultUserType) {
			this.defaultUserType = defaultUserType;
			return this;
		}

		public Builder allowedDomains(List<String> allowedDomains) {
			this.allowedDomains = allowedDomains;
			return this;
		}

		public Builder fullLicenseLimit(int fullLicenseLimit) {
			this.fullLicenseLimit = fullLicenseLimit;
			return this;
		}

		public Builder blockAdminDeactivation(boolean blockAdminDeactivation) {
			this.blockAdminDeactivation = blockAdminDeactivation;
			return this;
		}

		public Builder miroStyle405Body(boolean miroStyle405Body) {
			this.miroStyle405Body = miroStyle405Body;
			return this;
		}

		public MiroServerSettings build() {
			return new MiroServerSettings(host, port, token, groupModel, scimEnabled, rateLimitsEnabled, rateLimitScale,
					rateLimitWindow, retryAfterHeader, addedLatency, failureRate, timeoutRate, timeoutDelay,
					duplicateCreateStatus, frozenFieldStatus, threads, defaultPageSize, maxPageSize, maxPayloadBytes,
					maxGroupPatchMembers, cheapGroupPatchBytes, journalEnabled, journalBodies, defaultTeam,
					defaultUserType, allowedDomains, fullLicenseLimit, blockAdminDeactivation, miroStyle405Body);
		}

	}

}

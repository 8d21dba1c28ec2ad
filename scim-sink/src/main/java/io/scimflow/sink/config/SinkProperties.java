package io.scimflow.sink.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every {@code scimflow.sink.*} setting, with its default. Checked at start-up by
 * {@link SinkSettings#from}, which names the key that is wrong. See README.md for each one.
 */
@ConfigurationProperties("scimflow.sink")
public class SinkProperties {

    private final Target target = new Target();
    private final Topics topics = new Topics();
    private final RateLimit rateLimit = new RateLimit();
    private final Retry retry = new Retry();
    private final Prefetch prefetch = new Prefetch();
    private final Quarantine quarantine = new Quarantine();
    private final Notify notify = new Notify();
    /** Operations applied at the same time (different objects; one object's operations stay in order). */
    private int concurrency = 16;
    /** Records taken from Kafka but not yet done before consumption pauses (back-pressure). */
    private int maxInFlight = 2000;
    /** Made-up operations rehearsed at start-up against an in-memory target (nothing is sent); 0 = none. */
    private int warmUpOperations = 3000;
    /** Consumer group of the sink instances (spring.kafka.consumer.group-id wins when set). */
    private String consumerGroup = "scim-sink";
    /** Create the sink's topics at start-up when they are missing. */
    private boolean createTopics = true;
    /** Start consuming at start-up; false starts paused (resume with POST /admin/resume). */
    private boolean autoStart = true;
    /** Attribute names whose values the provisioning log redacts (password always). */
    private List<String> secretAttributes = new ArrayList<>(List.of("password"));
    /** How long shutdown waits for operations in flight. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    /** Longest time between two progress summary lines while operations keep coming. */
    private Duration progressInterval = io.scimflow.sink.log.ProvisioningProgress.DEFAULT_INTERVAL;
    private final DeletionGuard deletionGuard = new DeletionGuard();

    /** Entra's accidental-deletion prevention: {@code scimflow.sink.deletion-guard.*}. */
    public static class DeletionGuard {
        /** Disables and deletes allowed within the window before the next ones are held; 0 turns the guard off. */
        private int threshold = 0;
        /** The window the threshold counts over. */
        private Duration window = Duration.ofHours(1);

        public int getThreshold() { return threshold; }
        public void setThreshold(int v) { threshold = v; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration v) { window = v; }
    }

    public static class Target {
        /** SCIM base URL, e.g. https://miro.com/api/v1/scim (https required unless allow-insecure-http). */
        private String baseUrl;
        /** The bearer token itself (prefer token-file or token-env). */
        private String token;
        /** A file holding the bearer token (re-read while quarantined). */
        private String tokenFile;
        /** An environment variable holding the bearer token. */
        private String tokenEnv;
        /** miro or generic-scim. */
        private String profile = "miro";
        /** rfc7644 or entra-legacy. */
        private String patchStyle = "rfc7644";
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        /** Allow an http:// base URL (local servers and tests only). */
        private boolean allowInsecureHttp = false;
        /** generic-scim: compare userNames without case on the client side. */
        private boolean caseInsensitiveUserName = true;
        /** Override: group PATCH bodies stay below this many bytes (miro: 500; 0 = no limit). */
        private Integer groupPatchMaxBytes;
        /** Override: at most this many member changes per group PATCH (default 100). */
        private Integer groupPatchMaxMembers;

        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String v) { baseUrl = v; }
        public String getToken() { return token; }
        public void setToken(String v) { token = v; }
        public String getTokenFile() { return tokenFile; }
        public void setTokenFile(String v) { tokenFile = v; }
        public String getTokenEnv() { return tokenEnv; }
        public void setTokenEnv(String v) { tokenEnv = v; }
        public String getProfile() { return profile; }
        public void setProfile(String v) { profile = v; }
        public String getPatchStyle() { return patchStyle; }
        public void setPatchStyle(String v) { patchStyle = v; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration v) { connectTimeout = v; }
        public Duration getRequestTimeout() { return requestTimeout; }
        public void setRequestTimeout(Duration v) { requestTimeout = v; }
        public boolean isAllowInsecureHttp() { return allowInsecureHttp; }
        public void setAllowInsecureHttp(boolean v) { allowInsecureHttp = v; }
        public boolean isCaseInsensitiveUserName() { return caseInsensitiveUserName; }
        public void setCaseInsensitiveUserName(boolean v) { caseInsensitiveUserName = v; }
        public Integer getGroupPatchMaxBytes() { return groupPatchMaxBytes; }
        public void setGroupPatchMaxBytes(Integer v) { groupPatchMaxBytes = v; }
        public Integer getGroupPatchMaxMembers() { return groupPatchMaxMembers; }
        public void setGroupPatchMaxMembers(Integer v) { groupPatchMaxMembers = v; }
    }

    public static class Topics {
        private String operations = io.scimflow.schemas.topics.Topics.PROVISIONING_OPERATIONS;
        private String log = io.scimflow.schemas.topics.Topics.PROVISIONING_LOG;
        private String links = io.scimflow.schemas.topics.Topics.SINK_LINKS;
        private String deadLetter = io.scimflow.schemas.topics.Topics.SINK_DEAD_LETTER;

        public String getOperations() { return operations; }
        public void setOperations(String v) { operations = v; }
        public String getLog() { return log; }
        public void setLog(String v) { log = v; }
        public String getLinks() { return links; }
        public void setLinks(String v) { links = v; }
        public String getDeadLetter() { return deadLetter; }
        public void setDeadLetter(String v) { deadLetter = v; }
    }

    public static class RateLimit {
        private boolean enabled = true;
        private Duration window = Duration.ofSeconds(30);
        private double scale = 1.0;
        private Duration safetyMargin = Duration.ofMillis(250);
        /** Per-endpoint overrides, keys as the Endpoint enum (GET_USERS, PATCH_GROUP_SMALL, ...). */
        private Map<String, Integer> limits = new LinkedHashMap<>();

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean v) { enabled = v; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration v) { window = v; }
        public double getScale() { return scale; }
        public void setScale(double v) { scale = v; }
        public Duration getSafetyMargin() { return safetyMargin; }
        public void setSafetyMargin(Duration v) { safetyMargin = v; }
        public Map<String, Integer> getLimits() { return limits; }
        public void setLimits(Map<String, Integer> v) { limits = v; }
    }

    public static class Retry {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private Duration rateLimitBackoff = Duration.ofSeconds(30);
        private Duration rateLimitMaxBackoff = Duration.ofMinutes(2);

        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int v) { maxAttempts = v; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration v) { initialBackoff = v; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration v) { maxBackoff = v; }
        public double getMultiplier() { return multiplier; }
        public void setMultiplier(double v) { multiplier = v; }
        public Duration getRateLimitBackoff() { return rateLimitBackoff; }
        public void setRateLimitBackoff(Duration v) { rateLimitBackoff = v; }
        public Duration getRateLimitMaxBackoff() { return rateLimitMaxBackoff; }
        public void setRateLimitMaxBackoff(Duration v) { rateLimitMaxBackoff = v; }
    }

    public static class Prefetch {
        /** on-start: list all target users before consuming; lag: only when the backlog is at least lag-threshold; never. */
        private String users = "lag";
        /** Backlog (records) from which the user listing is worth it. */
        private long lagThreshold = 500;
        /** How long a listing may replace lookups. */
        private Duration ttl = Duration.ofMinutes(15);
        /** A group name not in the cached list re-lists groups at most this often. */
        private Duration groupRelistInterval = Duration.ofSeconds(60);
        /** How long a group's cached member list is trusted. */
        private Duration groupMembersTtl = Duration.ofMinutes(10);

        public String getUsers() { return users; }
        public void setUsers(String v) { users = v; }
        public long getLagThreshold() { return lagThreshold; }
        public void setLagThreshold(long v) { lagThreshold = v; }
        public Duration getTtl() { return ttl; }
        public void setTtl(Duration v) { ttl = v; }
        public Duration getGroupRelistInterval() { return groupRelistInterval; }
        public void setGroupRelistInterval(Duration v) { groupRelistInterval = v; }
        public Duration getGroupMembersTtl() { return groupMembersTtl; }
        public void setGroupMembersTtl(Duration v) { groupMembersTtl = v; }
    }

    public static class Quarantine {
        /** How often the credentials are probed while quarantined. */
        private Duration probeInterval = Duration.ofSeconds(30);

        public Duration getProbeInterval() { return probeInterval; }
        public void setProbeInterval(Duration v) { probeInterval = v; }
    }

    public static class Notify {
        /** Recipient of failure emails; empty disables email (needs spring.mail.host). */
        private String emailTo;
        private String emailFrom = "scimflow@localhost";
        /** POST a JSON notification here too (optional). */
        private String webhookUrl;
        /** Failures within failure-window that raise a notification; 0 disables. */
        private int failureThreshold = 20;
        private Duration failureWindow = Duration.ofMinutes(10);

        public String getEmailTo() { return emailTo; }
        public void setEmailTo(String v) { emailTo = v; }
        public String getEmailFrom() { return emailFrom; }
        public void setEmailFrom(String v) { emailFrom = v; }
        public String getWebhookUrl() { return webhookUrl; }
        public void setWebhookUrl(String v) { webhookUrl = v; }
        public int getFailureThreshold() { return failureThreshold; }
        public void setFailureThreshold(int v) { failureThreshold = v; }
        public Duration getFailureWindow() { return failureWindow; }
        public void setFailureWindow(Duration v) { failureWindow = v; }
    }

    public Target getTarget() { return target; }
    public Topics getTopics() { return topics; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Retry getRetry() { return retry; }
    public Prefetch getPrefetch() { return prefetch; }
    public Quarantine getQuarantine() { return quarantine; }
    public Notify getNotify() { return notify; }
    public int getConcurrency() { return concurrency; }
    public void setConcurrency(int v) { concurrency = v; }
    public int getMaxInFlight() { return maxInFlight; }
    public int getWarmUpOperations() { return warmUpOperations; }
    public void setWarmUpOperations(int v) { warmUpOperations = v; }
    public void setMaxInFlight(int v) { maxInFlight = v; }
    public String getConsumerGroup() { return consumerGroup; }
    public void setConsumerGroup(String v) { consumerGroup = v; }
    public boolean isCreateTopics() { return createTopics; }
    public void setCreateTopics(boolean v) { createTopics = v; }
    public boolean isAutoStart() { return autoStart; }
    public void setAutoStart(boolean v) { autoStart = v; }
    public List<String> getSecretAttributes() { return secretAttributes; }
    public void setSecretAttributes(List<String> v) { secretAttributes = v; }
    public Duration getShutdownTimeout() { return shutdownTimeout; }
    public void setShutdownTimeout(Duration v) { shutdownTimeout = v; }
    public DeletionGuard getDeletionGuard() { return deletionGuard; }
    public Duration getProgressInterval() { return progressInterval; }
    public void setProgressInterval(Duration v) { progressInterval = v; }
}

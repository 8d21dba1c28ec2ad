package io.scimflow.producer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.scimflow.producer.graph.GraphSettings;
import io.scimflow.producer.publish.TopicNames;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every {@code scimflow.producer.*} setting, with its default. Checked at start-up by {@link SettingsValidator}. */
@ConfigurationProperties("scimflow.producer")
public class ProducerSettings {

    public enum Source { LOCAL, GRAPH }

    /** Where the directory comes from: {@code local} (a YAML file + HTTP API) or {@code graph} (Microsoft Graph). */
    private Source source = Source.LOCAL;
    /** Directory for the producer's own files (Graph delta links; the local directory file by default). */
    private Path dataDir = Path.of("data", "directory-producer");
    /** Re-publish every object once at start-up, changed or not. */
    private boolean fullResyncOnStart = false;
    /** How long reading the directory topics back at start-up may take. */
    private Duration stateReadTimeout = Duration.ofMinutes(5);
    /**
     * Made-up users read, compared and encoded at start-up before the first round (nothing is
     * published), so that the JIT has compiled that code before the real directory comes; 0 = none.
     */
    private int warmUpUsers = 2000;
    private final Local local = new Local();
    private final Api api = new Api();
    private final Graph graph = new Graph();
    private final Topics topics = new Topics();

    public static class Local {
        /** The local directory YAML file; default {@code <data-dir>/local-directory.yaml}. */
        private Path file;
        /** When the file does not exist, create it from the shipped sample directory (else start empty). */
        private boolean createFromSample = true;
        /** How often the file's modification time and size are checked. */
        private Duration pollInterval = Duration.ofMillis(250);

        public Path getFile() {
            return file;
        }

        public void setFile(Path file) {
            this.file = file;
        }

        public boolean isCreateFromSample() {
            return createFromSample;
        }

        public void setCreateFromSample(boolean createFromSample) {
            this.createFromSample = createFromSample;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    public static class Api {
        /** Bearer token the HTTP API requires; required when server.address is not a loopback address. */
        private String token;

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }
    }

    public static class Graph {
        /** Microsoft Graph base URL (without /v1.0). */
        private String baseUrl = "https://graph.microsoft.com";
        /** OAuth authority base URL; the token endpoint is {@code <authority>/<tenant>/oauth2/v2.0/token}. */
        private String authorityUrl = "https://login.microsoftonline.com";
        /** Directory (tenant) id or domain. */
        private String tenantId;
        /** Application (client) id of the app registration. */
        private String clientId;
        /** Client secret; prefer the environment (SCIMFLOW_PRODUCER_GRAPH_CLIENT_SECRET) or client-secret-file. */
        private String clientSecret;
        /** File holding the client secret (first line). */
        private Path clientSecretFile;
        /** Object id of the provisioned application's service principal (enterprise application). */
        private String servicePrincipalId;
        /** Time between delta polls. */
        private Duration pollInterval = Duration.ofSeconds(5);
        /** User attributes requested with $select (id is always requested). */
        private List<String> userAttributes = new ArrayList<>(GraphSettings.DEFAULT_USER_ATTRIBUTES);
        /** Group attributes requested with $select (id and members are always requested). */
        private List<String> groupAttributes = new ArrayList<>(GraphSettings.DEFAULT_GROUP_ATTRIBUTES);
        /** Attempts per request on 429, 5xx and I/O errors before the poll fails (and is retried next interval). */
        private int maxAttempts = 6;
        /** First backoff when the answer has no Retry-After; doubled per attempt, with jitter. */
        private Duration initialBackoff = Duration.ofMillis(500);
        /** Longest backoff (and longest Retry-After honoured). */
        private Duration maxBackoff = Duration.ofSeconds(60);
        /** Timeout of one HTTP request. */
        private Duration requestTimeout = Duration.ofSeconds(60);

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getAuthorityUrl() {
            return authorityUrl;
        }

        public void setAuthorityUrl(String authorityUrl) {
            this.authorityUrl = authorityUrl;
        }

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public Path getClientSecretFile() {
            return clientSecretFile;
        }

        public void setClientSecretFile(Path clientSecretFile) {
            this.clientSecretFile = clientSecretFile;
        }

        public String getServicePrincipalId() {
            return servicePrincipalId;
        }

        public void setServicePrincipalId(String servicePrincipalId) {
            this.servicePrincipalId = servicePrincipalId;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public List<String> getUserAttributes() {
            return userAttributes;
        }

        public void setUserAttributes(List<String> userAttributes) {
            this.userAttributes = userAttributes;
        }

        public List<String> getGroupAttributes() {
            return groupAttributes;
        }

        public void setGroupAttributes(List<String> groupAttributes) {
            this.groupAttributes = groupAttributes;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }

    public static class Topics {
        private String users = TopicNames.DEFAULT.users();
        private String groups = TopicNames.DEFAULT.groups();
        private String memberships = TopicNames.DEFAULT.memberships();
        /** Create the directory topics at start-up when missing. */
        private boolean create = true;

        public String getUsers() {
            return users;
        }

        public void setUsers(String users) {
            this.users = users;
        }

        public String getGroups() {
            return groups;
        }

        public void setGroups(String groups) {
            this.groups = groups;
        }

        public String getMemberships() {
            return memberships;
        }

        public void setMemberships(String memberships) {
            this.memberships = memberships;
        }

        public boolean isCreate() {
            return create;
        }

        public void setCreate(boolean create) {
            this.create = create;
        }

        public TopicNames names() {
            return new TopicNames(users, groups, memberships);
        }
    }

    public Source getSource() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public int getWarmUpUsers() {
        return warmUpUsers;
    }

    public void setWarmUpUsers(int warmUpUsers) {
        this.warmUpUsers = warmUpUsers;
    }

    public boolean isFullResyncOnStart() {
        return fullResyncOnStart;
    }

    public void setFullResyncOnStart(boolean fullResyncOnStart) {
        this.fullResyncOnStart = fullResyncOnStart;
    }

    public Duration getStateReadTimeout() {
        return stateReadTimeout;
    }

    public void setStateReadTimeout(Duration stateReadTimeout) {
        this.stateReadTimeout = stateReadTimeout;
    }

    public Local getLocal() {
        return local;
    }

    public Api getApi() {
        return api;
    }

    public Graph getGraph() {
        return graph;
    }

    public Topics getTopics() {
        return topics;
    }

    public Path localFile() {
        return local.file != null ? local.file : dataDir.resolve("local-directory.yaml");
    }
}

package io.scimflow.producer;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;

/** Checks the settings at start-up, so a wrong one stops the app with its key instead of failing later. */
final class SettingsValidator {

    static final String SERVER_ADDRESS = "server.address";
    static final String REGISTRY_KEY = "spring.kafka.producer.properties.schema.registry.url";

    private SettingsValidator() {
    }

    static void validate(ProducerSettings settings, Environment environment, Map<String, Object> producerConfig) {
        Object bootstrap = producerConfig.get("bootstrap.servers");
        if (bootstrap == null || bootstrap.toString().isBlank() || bootstrap.toString().equals("[]")) {
            throw new InvalidSettingException("spring.kafka.bootstrap-servers", bootstrap, "the Kafka brokers to publish to are required");
        }
        Object registry = producerConfig.get("schema.registry.url");
        if (registry == null || registry.toString().isBlank()) {
            throw new InvalidSettingException(REGISTRY_KEY, registry,
                    "the schema registry URL is required (http(s)://host:port, or mock://<scope> in-process)");
        }
        if (settings.getSource() == null) {
            throw new InvalidSettingException("scimflow.producer.source", null, "must be local or graph");
        }
        if (settings.getDataDir() == null) {
            throw new InvalidSettingException("scimflow.producer.data-dir", null, "a directory for the producer's files is required");
        }
        positive("scimflow.producer.state-read-timeout", settings.getStateReadTimeout());
        if (settings.getWarmUpUsers() < 0) {
            throw new InvalidSettingException("scimflow.producer.warm-up-users", settings.getWarmUpUsers(), "must be 0 (none) or more");
        }
        ProducerSettings.Topics topics = settings.getTopics();
        List<String[]> names = List.of(new String[] {"scimflow.producer.topics.users", topics.getUsers()},
                new String[] {"scimflow.producer.topics.groups", topics.getGroups()},
                new String[] {"scimflow.producer.topics.memberships", topics.getMemberships()});
        HashSet<String> seen = new HashSet<>();
        for (String[] name : names) {
            if (name[1] == null || name[1].isBlank()) {
                throw new InvalidSettingException(name[0], name[1], "a topic name is required");
            }
            if (!seen.add(name[1])) {
                throw new InvalidSettingException(name[0], name[1], "the three directory topics must differ");
            }
        }
        validateApi(settings, environment);
        if (settings.getSource() == ProducerSettings.Source.LOCAL) {
            Duration poll = settings.getLocal().getPollInterval();
            if (poll == null || poll.toMillis() < 10) {
                throw new InvalidSettingException("scimflow.producer.local.poll-interval", poll, "must be at least 10ms");
            }
        } else {
            validateGraph(settings.getGraph());
        }
    }

    private static void validateApi(ProducerSettings settings, Environment environment) {
        String address = environment.getProperty(SERVER_ADDRESS);
        if (address == null || address.isBlank()) {
            address = "0.0.0.0";
        }
        String token = settings.getApi().getToken();
        if (!loopback(address) && (token == null || token.isBlank())) {
            throw new InvalidSettingException("scimflow.producer.api.token", null, "the HTTP API is bound to "
                    + address + " (" + SERVER_ADDRESS + "), which is not a loopback address: set a token "
                    + "(e.g. SCIMFLOW_PRODUCER_API_TOKEN) or bind to 127.0.0.1");
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InvalidSettingException(SERVER_ADDRESS, address, "unknown host");
        }
    }

    private static void validateGraph(ProducerSettings.Graph graph) {
        url("scimflow.producer.graph.base-url", graph.getBaseUrl());
        url("scimflow.producer.graph.authority-url", graph.getAuthorityUrl());
        required("scimflow.producer.graph.tenant-id", graph.getTenantId());
        required("scimflow.producer.graph.client-id", graph.getClientId());
        required("scimflow.producer.graph.service-principal-id", graph.getServicePrincipalId());
        boolean secret = graph.getClientSecret() != null && !graph.getClientSecret().isBlank();
        if (!secret && graph.getClientSecretFile() == null) {
            throw new InvalidSettingException("scimflow.producer.graph.client-secret", null,
                    "set the client secret (environment SCIMFLOW_PRODUCER_GRAPH_CLIENT_SECRET) or scimflow.producer.graph.client-secret-file");
        }
        if (!secret && !Files.isReadable(graph.getClientSecretFile())) {
            throw new InvalidSettingException("scimflow.producer.graph.client-secret-file", graph.getClientSecretFile(), "file not readable");
        }
        positive("scimflow.producer.graph.poll-interval", graph.getPollInterval());
        positive("scimflow.producer.graph.initial-backoff", graph.getInitialBackoff());
        positive("scimflow.producer.graph.max-backoff", graph.getMaxBackoff());
        positive("scimflow.producer.graph.request-timeout", graph.getRequestTimeout());
        if (graph.getMaxAttempts() < 1) {
            throw new InvalidSettingException("scimflow.producer.graph.max-attempts", graph.getMaxAttempts(), "must be at least 1");
        }
        if (graph.getUserAttributes() == null || graph.getUserAttributes().isEmpty()) {
            throw new InvalidSettingException("scimflow.producer.graph.user-attributes", graph.getUserAttributes(), "list at least one attribute");
        }
    }

    private static void required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(key, value, "required when scimflow.producer.source=graph");
        }
    }

    private static void url(String key, String value) {
        required(key, value);
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSettingException(key, value, "must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, value, "not a URL: " + e.getMessage());
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(key, value, "must be a positive duration such as 5s or 250ms");
        }
    }
}

package io.scimflow.schemas.serde;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, read from the Kafka client configuration under the same keys as
 * Confluent's Avro serde, so that swapping in Confluent's classes needs no change to the
 * configuration. A missing or wrong value fails at {@code configure} with the key named.
 */
public record AvroSerdeConfig(
        List<String> registryUrls,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        String authorizationHeader,
        Duration requestTimeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** The same setting with the prefix Confluent also accepts. */
    public static final String PREFIXED_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /** Subject naming by topic ({@code <topic>-key}, {@code <topic>-value}), the only strategy supported. */
    private static final Set<String> TOPIC_NAME_STRATEGIES = Set.of(
            "io.confluent.kafka.serializers.subject.TopicNameStrategy", "TopicNameStrategy");

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object urlSetting = configs.get(SCHEMA_REGISTRY_URL);
        if (urlSetting == null || urlSetting.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urlSetting,
                    "is required: a Confluent-compatible registry URL (e.g. http://localhost:8081) or mock://<scope> for an in-process registry");
        }
        List<String> urls = new ArrayList<>();
        for (String url : urlSetting.toString().split(",")) {
            String trimmed = url.trim();
            if (!trimmed.isEmpty()) {
                urls.add(trimmed);
            }
        }
        if (urls.size() > 1 && urls.stream().anyMatch(u -> u.startsWith("mock://"))) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urlSetting, "a mock:// URL cannot be combined with other URLs");
        }
        for (String url : urls) {
            if (!url.startsWith("mock://") && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, url, "must start with http://, https:// or mock://");
            }
        }
        for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY)) {
            Object strategy = configs.get(key);
            if (strategy != null && !TOPIC_NAME_STRATEGIES.contains(strategyName(strategy))) {
                throw new ConfigException(key, strategy, "only the topic name strategy (<topic>-key / <topic>-value) is supported");
            }
        }
        return new AvroSerdeConfig(
                List.copyOf(urls),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                authorization(configs, urls),
                Duration.ofMillis(Long.parseLong(String.valueOf(valueOr(configs, REQUEST_TIMEOUT_MS, "30000")))));
    }

    /** The subject for a topic under the topic name strategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private static Object valueOr(Map<String, ?> configs, String key, Object defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : value;
    }

    private static String strategyName(Object strategy) {
        return strategy instanceof Class<?> c ? c.getName() : strategy.toString().trim();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "must be true or false");
    }

    private static String authorization(Map<String, ?> configs, List<String> urls) {
        String source = String.valueOf(valueOr(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL")).trim().toUpperCase();
        String userInfo;
        switch (source) {
            case "USER_INFO" -> {
                Object info = configs.get(BASIC_AUTH_USER_INFO);
                if (info == null) {
                    info = configs.get(PREFIXED_BASIC_AUTH_USER_INFO);
                }
                if (info == null || !info.toString().contains(":")) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO, "[hidden]",
                            "must be <user>:<password> when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
                }
                userInfo = info.toString();
            }
            case "URL" -> userInfo = urls.stream()
                    .filter(u -> !u.startsWith("mock://"))
                    .map(u -> URI.create(u).getRawUserInfo())
                    .filter(info -> info != null && !info.isEmpty())
                    .findFirst().orElse(null);
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "must be URL or USER_INFO");
        }
        return userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AvroSerdeConfig[registryUrls=" + registryUrls.stream().map(AvroSerdeConfig::withoutUserInfo).toList()
                + ", autoRegisterSchemas=" + autoRegisterSchemas + ", useLatestVersion=" + useLatestVersion
                + ", specificAvroReader=" + specificAvroReader + ", basicAuth=" + (authorizationHeader != null) + "]";
    }

    private static String withoutUserInfo(String url) {
        return url.replaceFirst("//[^/@]*@", "//");
    }
}

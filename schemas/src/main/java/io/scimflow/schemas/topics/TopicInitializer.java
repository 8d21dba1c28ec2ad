package io.scimflow.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics an app needs when they are missing; leaves existing topics as they
 * are (and says so when their partition count differs from the declaration).
 */
public final class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private TopicInitializer() {
    }

    /**
     * @param adminConfig Kafka admin client settings (at least {@code bootstrap.servers})
     * @return the names of the topics that were created
     */
    public static List<String> ensureTopics(Map<String, Object> adminConfig, Collection<TopicSpec> specs, Duration timeout) {
        try (Admin admin = Admin.create(withTimeouts(adminConfig, timeout))) {
            return ensureTopics(admin, specs, timeout);
        }
    }

    public static List<String> ensureTopics(Admin admin, Collection<TopicSpec> specs, Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!created.isEmpty()) {
                log.info("Created topics {}", created);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics " + specs.stream().map(TopicSpec::name).toList()
                    + " on " + describe(admin) + ": " + e, e);
        }
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> adminConfig, Duration timeout) {
        Map<String, Object> config = new java.util.HashMap<>(adminConfig);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return config;
    }

    private static String describe(Admin admin) {
        return "the Kafka cluster";
    }
}

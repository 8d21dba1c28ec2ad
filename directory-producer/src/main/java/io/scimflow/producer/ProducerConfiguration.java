package io.scimflow.producer;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.scimflow.producer.graph.GraphDirectorySource;
import io.scimflow.producer.graph.GraphSettings;
import io.scimflow.producer.local.LocalDirectorySource;
import io.scimflow.producer.ops.ApiTokenFilter;
import io.scimflow.producer.ops.ProducerHealthIndicator;
import io.scimflow.producer.ops.ProducerMetrics;
import io.scimflow.producer.publish.DirectorySource;
import io.scimflow.producer.publish.DirectorySynchronizer;
import io.scimflow.producer.publish.KafkaEventSink;
import io.scimflow.producer.publish.PublishedState;
import io.scimflow.producer.publish.TopicNames;
import io.scimflow.producer.publish.TopicStateReader;
import io.scimflow.schemas.keys.MembershipPartitioner;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the producer: validated settings, the Kafka producer, the published state read back
 * from the topics, the synchronizer, the directory source, metrics and health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProducerSettings.class)
class ProducerConfiguration {

    /** Producer linger unless {@code spring.kafka.producer.properties.linger.ms} is set. */
    static final int DEFAULT_LINGER_MS = 5;

    /**
     * Producer batch size (bytes per partition batch, before compression) unless
     * {@code spring.kafka.producer.batch-size} is set: a large round goes out in few, well
     * compressed requests instead of one per 16 KiB (Kafka's default).
     */
    static final int DEFAULT_BATCH_SIZE = 262_144;

    private final ProducerSettings settings;
    private final KafkaProperties kafka;
    private final Map<String, Object> producerConfig;

    ProducerConfiguration(ProducerSettings settings, KafkaProperties kafka, Environment environment) {
        this.settings = settings;
        this.kafka = kafka;
        this.producerConfig = producerConfig(kafka, environment);
        SettingsValidator.validate(settings, environment, producerConfig);
    }

    private static Map<String, Object> producerConfig(KafkaProperties kafka, Environment environment) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        if (!config.containsKey("schema.registry.url") && environment.containsProperty("schema.registry.url")) {
            config.put("schema.registry.url", environment.getProperty("schema.registry.url"));
        }
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, MembershipPartitioner.class);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_BATCH_SIZE);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    @Bean(destroyMethod = "close")
    KafkaEventSink kafkaEventSink() {
        return new KafkaEventSink(producerConfig, settings.getTopics().names());
    }

    @Bean
    PublishedState publishedState() {
        TopicNames names = settings.getTopics().names();
        if (settings.getTopics().isCreate()) {
            TopicInitializer.ensureTopics(kafka.buildAdminProperties(), java.util.List.of(
                    renamed(Topics.directoryUsers(), names.users()),
                    renamed(Topics.directoryGroups(), names.groups()),
                    renamed(Topics.directoryMemberships(), names.memberships())), java.time.Duration.ofSeconds(60));
        }
        Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        producerConfig.forEach((key, value) -> {
            if (key.startsWith("schema.registry") || key.startsWith("basic.auth")) {
                consumerConfig.put(key, value);
            }
        });
        return TopicStateReader.read(consumerConfig, names, settings.getStateReadTimeout());
    }

    private static TopicSpec renamed(TopicSpec spec, String name) {
        return new TopicSpec(name, spec.partitions(), spec.replicationFactor(), spec.configs());
    }

    @Bean
    ProducerMetrics producerMetrics(MeterRegistry registry) {
        return new ProducerMetrics(registry);
    }

    @Bean
    DirectorySynchronizer directorySynchronizer(PublishedState state, KafkaEventSink sink, ProducerMetrics metrics,
            ObjectProvider<Clock> clock) {
        String source = settings.getSource().name().toLowerCase(java.util.Locale.ROOT);
        return new DirectorySynchronizer(state, sink, source, clock.getIfAvailable(Clock::systemUTC), metrics);
    }

    @Bean(destroyMethod = "")
    DirectorySource directorySource(DirectorySynchronizer synchronizer, ProducerMetrics metrics, ObjectProvider<Clock> clock) {
        return switch (settings.getSource()) {
            case LOCAL -> {
                if (settings.getLocal().isCreateFromSample()) {
                    LocalDirectorySource.createFromSampleIfMissing(settings.localFile());
                }
                yield new LocalDirectorySource(settings.localFile(), synchronizer, settings.getLocal().getPollInterval(), metrics);
            }
            case GRAPH -> new GraphDirectorySource(graphSettings(settings), synchronizer, metrics, clock.getIfAvailable(Clock::systemUTC));
        };
    }

    static GraphSettings graphSettings(ProducerSettings settings) {
        ProducerSettings.Graph graph = settings.getGraph();
        String secret = graph.getClientSecret();
        if (secret == null || secret.isBlank()) {
            try {
                secret = java.nio.file.Files.readAllLines(graph.getClientSecretFile()).stream().findFirst().orElse("").trim();
            } catch (java.io.IOException e) {
                throw new InvalidSettingException("scimflow.producer.graph.client-secret-file", graph.getClientSecretFile(),
                        "cannot read it: " + e.getMessage());
            }
        }
        return new GraphSettings(graph.getBaseUrl(), graph.getAuthorityUrl(), graph.getTenantId(), graph.getClientId(), secret,
                graph.getServicePrincipalId(), graph.getPollInterval(), java.util.List.copyOf(graph.getUserAttributes()),
                java.util.List.copyOf(graph.getGroupAttributes()), graph.getMaxAttempts(), graph.getInitialBackoff(),
                graph.getMaxBackoff(), graph.getRequestTimeout(), settings.getDataDir().resolve("graph-delta-state.json"));
    }

    @Bean
    ProducerWarmUp producerWarmUp() {
        return new ProducerWarmUp(settings.getWarmUpUsers(), settings.getSource() == ProducerSettings.Source.LOCAL, producerConfig,
                settings.getTopics().names());
    }

    @Bean
    DirectoryProducer directoryProducer(DirectorySource source, DirectorySynchronizer synchronizer) {
        return new DirectoryProducer(source, synchronizer, settings.isFullResyncOnStart());
    }

    @Bean
    ProducerHealthIndicator directoryProducerHealthIndicator(DirectorySynchronizer synchronizer, ProducerMetrics metrics) {
        return new ProducerHealthIndicator(synchronizer, metrics);
    }

    @Bean
    ApiTokenFilter apiTokenFilter() {
        return new ApiTokenFilter(settings.getApi().getToken());
    }
}

package io.scimflow.sink.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.schemas.topics.Topics;
import io.scimflow.sink.ScimSink;
import io.scimflow.sink.consume.OperationConsumer;
import io.scimflow.sink.consume.OperationProcessor;
import io.scimflow.sink.errors.DeadLetterPublisher;
import io.scimflow.sink.links.KafkaLinkStore;
import io.scimflow.sink.log.AppliedDeletionsReader;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.log.ProvisioningProgress;
import io.scimflow.sink.log.ScimMetrics;
import io.scimflow.sink.notify.FailureNotifier;
import io.scimflow.sink.notify.FailureRateMonitor;
import io.scimflow.sink.quarantine.ConsumptionGate;
import io.scimflow.sink.quarantine.DeletionGuard;
import io.scimflow.sink.quarantine.QuarantineController;
import io.scimflow.sink.ratelimit.RateBudget;
import io.scimflow.sink.reconcile.GroupDirectory;
import io.scimflow.sink.reconcile.PendingReferences;
import io.scimflow.sink.reconcile.ReconcileContext;
import io.scimflow.sink.reconcile.Reconciler;
import io.scimflow.sink.reconcile.TargetPrefetch;
import io.scimflow.sink.reconcile.UserSnapshot;
import io.scimflow.sink.scim.ConnectionTester;
import io.scimflow.sink.scim.RequestTally;
import io.scimflow.sink.scim.ScimHttpClient;
import io.scimflow.sink.scim.ScimTargetClient;
import io.scimflow.sink.target.TargetCapabilities;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSender;

/**
 * Wires the sink from {@code scimflow.sink.*} and {@code spring.kafka.*}: validates the settings
 * (failing with the key that is wrong), creates the topics, and builds the runtime.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SinkProperties.class)
class SinkConfiguration {

    static final String REGISTRY_URL = "schema.registry.url";
    /** The links tail's fetches wait for this much data... */
    static final int LINKS_TAIL_FETCH_MIN_BYTES = 64 * 1024;
    /** ...or this long (ms); an instance that waits for the tail (a rebalance) waits about this much longer. */
    static final int LINKS_TAIL_FETCH_MAX_WAIT_MS = 100;
    /** Longest wait at start for the provisioning log to be read back for the deletion count. */
    static final Duration DELETION_HISTORY_TIMEOUT = Duration.ofSeconds(120);
    private static final Logger log = LoggerFactory.getLogger(SinkConfiguration.class);

    @Bean
    SinkSettings sinkSettings(SinkProperties properties) {
        return SinkSettings.from(properties);
    }

    @Bean
    ConsumptionGate consumptionGate() {
        return new ConsumptionGate();
    }

    @Bean
    ScimSink scimSink(SinkSettings settings, KafkaProperties kafka, ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<MailSender> mailSender, ConsumptionGate gate) {
        SinkProperties p = settings.raw();
        Map<String, Object> consumerProps = kafka.buildConsumerProperties();
        Map<String, Object> producerProps = kafka.buildProducerProperties();
        Object registry = consumerProps.getOrDefault(REGISTRY_URL, producerProps.get(REGISTRY_URL));
        if (registry == null || registry.toString().isBlank()) {
            throw new InvalidSettingException("spring.kafka.properties.schema.registry.url", null,
                    "required: a Confluent-compatible schema registry URL, or mock://<scope> for an in-process registry");
        }
        if (p.isCreateTopics()) {
            int partitions = Topics.DEFAULT_PARTITIONS;
            TopicInitializer.ensureTopics(kafka.buildAdminProperties(), List.of(
                    new TopicSpec(p.getTopics().getOperations(), partitions, (short) 1, Topics.provisioningOperations().configs()),
                    new TopicSpec(p.getTopics().getLog(), Topics.provisioningLog().partitions(), (short) 1, Topics.provisioningLog().configs()),
                    new TopicSpec(p.getTopics().getLinks(), partitions, (short) 1, Topics.sinkLinks().configs()),
                    new TopicSpec(p.getTopics().getDeadLetter(), 1, (short) 1, Topics.sinkDeadLetter().configs())),
                    Duration.ofSeconds(60));
        }
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        String runId = UUID.randomUUID().toString();

        KafkaAvroSerializer avroSerializer = avroSerializer(registry);
        KafkaProducer<String, Object> avroProducer = new KafkaProducer<>(withRegistry(producerProps, registry,
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.LINGER_MS_CONFIG, 5)), new StringSerializer(), avroSerializer);
        KafkaProducer<byte[], byte[]> bytesProducer = new KafkaProducer<>(withRegistry(producerProps, registry,
                Map.of(ProducerConfig.ACKS_CONFIG, "all")), new ByteArraySerializer(), new ByteArraySerializer());

        KafkaConsumer<String, byte[]> linksConsumer = new KafkaConsumer<>(withRegistry(consumerProps, registry,
                Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.GROUP_ID_CONFIG, "",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        // The tail reads what this instance writes itself: one fetch per ~100 ms, not one per record.
                        ConsumerConfig.FETCH_MIN_BYTES_CONFIG, LINKS_TAIL_FETCH_MIN_BYTES,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, LINKS_TAIL_FETCH_MAX_WAIT_MS)),
                new StringDeserializer(), new ByteArrayDeserializer());
        KafkaLinkStore links = new KafkaLinkStore(p.getTopics().getLinks(), linksConsumer, avroDeserializer(registry),
                avroProducer);

        RateBudget budget = new RateBudget(settings.rateBudget());
        ScimHttpClient http = new ScimHttpClient(settings.baseUrl(), settings.token(), p.getTarget().getConnectTimeout(),
                p.getTarget().getRequestTimeout(), p.getConcurrency(), budget, settings.retry(), new ScimMetrics(meters));
        TargetCapabilities capabilities = TargetCapabilitiesReader.read(settings, http);
        Clock clock = Clock.systemUTC();
        UserSnapshot users = new UserSnapshot(clock, p.getPrefetch().getTtl());
        GroupDirectory groups = new GroupDirectory(clock, p.getPrefetch().getGroupRelistInterval(), p.getPrefetch().getGroupMembersTtl());
        PendingReferences references = new PendingReferences();
        Reconciler reconciler = new Reconciler(new ReconcileContext(capabilities, links, users, groups, references));

        FailureNotifier notifier = new FailureNotifier(mailSender.getIfAvailable(), p.getNotify().getEmailTo(),
                p.getNotify().getEmailFrom(), p.getNotify().getWebhookUrl() == null || p.getNotify().getWebhookUrl().isBlank() ? null
                        : URI.create(p.getNotify().getWebhookUrl()), settings.baseUrl().toString());
        ConnectionTester tester = new ConnectionTester(p.getTarget().getRequestTimeout());
        QuarantineController quarantine = new QuarantineController(gate, () -> {
            settings.token().reload();
            ConnectionTester.Result result = tester.test(settings.baseUrl().toString(), settings.token().current());
            return result.ok() || result.problem() == ConnectionTester.Problem.RATE_LIMITED ? null : result.toString();
        }, p.getQuarantine().getProbeInterval(), notifier);
        FailureRateMonitor failures = new FailureRateMonitor(p.getNotify().getFailureThreshold(), p.getNotify().getFailureWindow(),
                clock, notifier::failureRate);
        ProvisioningLogWriter logWriter = new ProvisioningLogWriter(avroProducer, p.getTopics().getLog(), runId,
                settings.secretAttributes(), meters, new ProvisioningProgress(p.getProgressInterval(), System.nanoTime()));
        KafkaAvroDeserializer operationValues = avroDeserializer(registry);
        KafkaClientsWarmUp.prepare(avroProducer, avroSerializer, operationValues, p.getTopics());
        KafkaClientsWarmUp.rehearse(capabilities, http.json(), logWriter, avroSerializer, p.getTopics().getLog(), p.getWarmUpOperations());
        DeletionGuard deletions = new DeletionGuard(p.getDeletionGuard().getThreshold(), p.getDeletionGuard().getWindow(),
                System::nanoTime);
        if (deletions.enabled()) {
            restoreDeletionCount(deletions, p, clock, withRegistry(consumerProps, registry, Map.of(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.GROUP_ID_CONFIG, "",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)), avroDeserializer(registry));
        }
        OperationProcessor processor = new OperationProcessor(operationValues, reconciler,
                tally -> new ScimTargetClient(http, capabilities, tally), gate, quarantine, logWriter,
                new DeadLetterPublisher(bytesProducer, p.getTopics().getDeadLetter()), failures,
                deletions, () -> notifier.deletionsHeld(deletions.reason()));

        String group = consumerProps.containsKey(ConsumerConfig.GROUP_ID_CONFIG) ? consumerProps.get(ConsumerConfig.GROUP_ID_CONFIG).toString()
                : p.getConsumerGroup();
        KafkaConsumer<String, byte[]> operations = new KafkaConsumer<>(withRegistry(consumerProps, registry,
                Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, consumerProps.getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(500, p.getMaxInFlight()))),
                new StringDeserializer(), new ByteArrayDeserializer());
        TargetPrefetch prefetcher = new TargetPrefetch(TargetPrefetch.Mode.fromConfig(p.getPrefetch().getUsers()),
                p.getPrefetch().getLagThreshold(), users, groups, () -> new ScimTargetClient(http, capabilities, new RequestTally()));
        OperationConsumer consumer = new OperationConsumer(operations, p.getTopics().getOperations(), processor, links,
                () -> {
                    links.flush();
                    logWriter.flush();
                }, gate,
                p.getConcurrency(), p.getMaxInFlight(), p.getShutdownTimeout(), prefetcher::beforeFirstRecords,
                status -> {
                    logWriter.progress().report(System.nanoTime(), status.waiting());
                    if (status.drained()) {
                        deletions.drained();
                    }
                });
        // Entra's second pass for references: a manager an upsert left out is set once the manager is linked.
        links.onLinked((type, sourceId) -> {
            for (PendingReferences.Pending pending : references.waitingOn(type, sourceId)) {
                consumer.submitInOrder(pending.userKey(), () -> processor.completeReference(pending));
            }
        });
        return new ScimSink(consumer, links, gate, quarantine, deletions, references, http, runId, !p.isAutoStart(), avroProducer,
                bytesProducer);
    }

    /**
     * Counts toward the accidental-deletion threshold the disables and deletes that earlier runs
     * applied within the window, read back from the provisioning log, so that a restart (a crash
     * loop included) does not start the count from zero.
     */
    private static void restoreDeletionCount(DeletionGuard deletions, SinkProperties p, Clock clock,
            Map<String, Object> consumerConfig, KafkaAvroDeserializer values) {
        Duration window = p.getDeletionGuard().getWindow();
        Instant now = clock.instant();
        long started = System.nanoTime();
        List<Instant> applied;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            applied = new AppliedDeletionsReader(consumer, p.getTopics().getLog(), values).since(now.minus(window),
                    DELETION_HISTORY_TIMEOUT);
        }
        int counted = deletions.restore(applied.stream().map(at -> Duration.between(at, now)).toList());
        log.info("Accidental-deletion threshold: {} disables/deletes applied within the last {} read back from {} in {} ms; "
                + "{} of {} counted before the next ones are held", applied.size(), window, p.getTopics().getLog(),
                (System.nanoTime() - started) / 1_000_000, counted, p.getDeletionGuard().getThreshold());
    }

    private static Map<String, Object> withRegistry(Map<String, Object> base, Object registry, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.put(REGISTRY_URL, registry);
        config.putAll(overrides);
        if ("".equals(config.get(ConsumerConfig.GROUP_ID_CONFIG))) {
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        return config;
    }

    private static KafkaAvroSerializer avroSerializer(Object registry) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of(REGISTRY_URL, registry), false);
        return serializer;
    }

    private static KafkaAvroDeserializer avroDeserializer(Object registry) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(REGISTRY_URL, registry, "specific.avro.reader", true), false);
        return deserializer;
    }
}

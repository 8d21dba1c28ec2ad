package io.scimflow.cli.ondemand;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.sink.config.SinkSettings;
import io.scimflow.sink.config.TargetCapabilitiesReader;
import io.scimflow.sink.links.KafkaLinkStore;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.ratelimit.RateBudget;
import io.scimflow.sink.reconcile.GroupDirectory;
import io.scimflow.sink.reconcile.ReconcileContext;
import io.scimflow.sink.reconcile.Reconciler;
import io.scimflow.sink.reconcile.UserSnapshot;
import io.scimflow.sink.scim.RequestTally;
import io.scimflow.sink.scim.ScimCallListener;
import io.scimflow.sink.scim.ScimHttpClient;
import io.scimflow.sink.scim.ScimTargetClient;
import io.scimflow.sink.target.TargetCapabilities;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The scim-sink's parts provision on demand needs, built as the sink builds them
 * (io.scimflow.sink.config.SinkConfiguration): the SCIM client with the sink's rate budgets and
 * retries, the target's capabilities, the reconciler with the durable links, and the
 * provisioning log writer. Close it to write the links and log entries durably (it throws when
 * one cannot be written), stop the links tail and close the producer.
 */
final class SinkParts implements AutoCloseable {

    /** Provision on demand sends one request at a time; a few pooled connections are plenty. */
    private static final int ON_DEMAND_CONNECTIONS = 4;

    final ScimHttpClient http;
    final TargetCapabilities capabilities;
    final Reconciler reconciler;
    final ProvisioningLogWriter log;
    private final KafkaLinkStore links;
    private final KafkaProducer<String, Object> producer;

    SinkParts(SinkSettings settings, Map<String, Object> kafka, Object registryUrl, String linksTopic, String logTopic) {
        var target = settings.raw().getTarget();
        this.http = new ScimHttpClient(settings.baseUrl(), settings.token(), target.getConnectTimeout(), target.getRequestTimeout(), ON_DEMAND_CONNECTIONS,
                new RateBudget(settings.rateBudget()), settings.retry(), ScimCallListener.NONE);
        this.capabilities = TargetCapabilitiesReader.read(settings, http);
        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), avroSerializer(registryUrl));
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.links = new KafkaLinkStore(linksTopic, new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()),
                avroDeserializer(registryUrl), producer);
        Clock clock = Clock.systemUTC();
        var prefetch = settings.raw().getPrefetch();
        this.reconciler = new Reconciler(new ReconcileContext(capabilities, links, new UserSnapshot(clock, prefetch.getTtl()),
                new GroupDirectory(clock, prefetch.getGroupRelistInterval(), prefetch.getGroupMembersTtl())));
        this.log = new ProvisioningLogWriter(producer, logTopic, "on-demand-" + UUID.randomUUID(), settings.secretAttributes(),
                new SimpleMeterRegistry());
    }

    /** Loads the links (the sink's object connections) before anything is matched. */
    void loadLinks(Duration timeout) {
        links.start();
        links.awaitCaughtUp(timeout);
    }

    int linkCount() {
        return links.size();
    }

    ScimTargetClient target(RequestTally tally) {
        return new ScimTargetClient(http, capabilities, tally);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Serializer<Object> avroSerializer(Object registry) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", registry), false);
        return (Serializer) serializer;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Deserializer<Object> avroDeserializer(Object registry) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", registry, "specific.avro.reader", true), false);
        return (Deserializer) deserializer;
    }

    @Override
    public void close() {
        try {
            // The link store and the log writer write asynchronously: make their records durable (or fail) here.
            links.flush();
            log.flush();
        } finally {
            links.close();
            producer.close(Duration.ofSeconds(10));
            http.close();
        }
    }
}

package io.scimflow.producer.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.producer.DirectoryProducerApplication;
import io.scimflow.producer.publish.TopicNames;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the producer app the way the embedded launcher does, on an ephemeral port. */
public final class ProducerApps {

    private ProducerApps() {
    }

    public static Map<String, Object> baseProperties(Path dataDir, TopicNames topics, String registry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", SharedLocalKafkaBroker.bootstrapServers());
        properties.put("spring.kafka.producer.properties.schema.registry.url", registry);
        properties.put("server.port", 0);
        properties.put("scimflow.producer.data-dir", dataDir.toString());
        properties.put("scimflow.producer.topics.users", topics.users());
        properties.put("scimflow.producer.topics.groups", topics.groups());
        properties.put("scimflow.producer.topics.memberships", topics.memberships());
        return properties;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(DirectoryProducerApplication.class).properties(properties).run();
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

package io.scimflow.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** How a command reaches Kafka and the schema registry; shared by every command that needs them. */
public class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:SCIMFLOW_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env SCIMFLOW_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            defaultValue = "${env:SCIMFLOW_SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081}",
            description = "Confluent-compatible schema registry URL (env SCIMFLOW_SCHEMA_REGISTRY_URL; default ${DEFAULT-VALUE}). "
                    + "The embedded default serves one; its URL is printed at start-up.")
    String schemaRegistryUrl;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Any further Kafka client setting (repeatable), e.g. security.protocol=SSL.")
    Map<String, String> extra = new LinkedHashMap<>();

    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", schemaRegistryUrl);
        config.put("specific.avro.reader", "true");
        extra.forEach((k, v) -> {
            if (k.startsWith("basic.auth") || k.startsWith("schema.registry.")) {
                config.put(k, v);
            }
        });
        return config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}

package io.scimflow.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process registries shared inside the JVM, one per scope, selected by a
 * {@code schema.registry.url} of the form {@code mock://<scope>} as with Confluent's
 * serde. Every serializer and deserializer configured with the same scope sees the same
 * schemas and ids, so the tests and the embedded default need no registry process.
 */
public final class MockSchemaRegistry {

    public static final String MOCK_URL_PREFIX = "mock://";

    private static final Map<String, SchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    public static SchemaRegistryClient getClientForScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets every schema of the scope. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** The scope named by a {@code mock://} URL, or null when the URL is not a mock URL. */
    public static String scopeOf(String url) {
        return url != null && url.startsWith(MOCK_URL_PREFIX) ? url.substring(MOCK_URL_PREFIX.length()) : null;
    }
}

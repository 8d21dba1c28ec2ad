package io.scimflow.schemas.registry;

import java.net.URI;

import io.scimflow.schemas.serde.AvroSerdeConfig;

/** Chooses the registry client a configuration names: in-process for {@code mock://}, REST otherwise. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
        String scope = MockSchemaRegistry.scopeOf(config.registryUrls().get(0));
        if (scope != null) {
            return MockSchemaRegistry.getClientForScope(scope);
        }
        return new RestSchemaRegistryClient(
                config.registryUrls().stream().map(u -> URI.create(u.replaceFirst("//[^/@]*@", "//"))).toList(),
                config.authorizationHeader(), config.requestTimeout());
    }
}

package io.scimflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.scimflow.cli.local.LocalSchemaRegistryServer;
import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.MemberType;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import org.junit.jupiter.api.Test;

/** What an app writes with mock://scope, a process that only has the REST URL can read. */
class LocalSchemaRegistryServerTest {

    @Test
    void servesTheInProcessRegistryOverRest() {
        GroupMembership fact = GroupMembership.newBuilder().setGroupId("g").setMemberId("u").setMemberType(MemberType.USER)
                .setPresent(true).setChangeId("c").setChangedAt(Instant.ofEpochMilli(5)).build();
        KafkaAvroSerializer inProcess = new KafkaAvroSerializer();
        inProcess.configure(Map.of("schema.registry.url", "mock://served"), false);
        byte[] bytes = inProcess.serialize("directory.memberships", fact);

        try (LocalSchemaRegistryServer server = LocalSchemaRegistryServer.start("served", 0)) {
            KafkaAvroDeserializer remote = new KafkaAvroDeserializer();
            remote.configure(Map.of("schema.registry.url", server.url(), "specific.avro.reader", "true"), false);
            assertThat(remote.deserialize("directory.memberships", bytes)).isEqualTo(fact);

            KafkaAvroSerializer remoteWriter = new KafkaAvroSerializer();
            remoteWriter.configure(Map.of("schema.registry.url", server.url(), "auto.register.schemas", "false"), false);
            assertThat(remoteWriter.serialize("directory.memberships", fact)).isEqualTo(bytes);
        }
    }
}

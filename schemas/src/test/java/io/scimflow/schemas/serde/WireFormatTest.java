package io.scimflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import io.scimflow.events.directory.GroupMembership;
import io.scimflow.events.directory.MemberType;
import io.scimflow.schemas.registry.MockSchemaRegistry;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final String SCOPE = "wire-format-test";

    /** A membership every field of which is known (shared with the other serde tests). */
    static GroupMembership known() {
        return GroupMembership.newBuilder().setGroupId("g1").setMemberId("u1").setMemberType(MemberType.USER)
                .setPresent(true).setChangeId("c").setSource("local").setChangedAt(Instant.ofEpochMilli(1000)).build();
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void theBytesAreConfluentsWireFormat() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

        byte[] bytes = serializer.serialize("directory.memberships", known());

        // magic 0 | schema id 1 (big-endian) | Avro binary: "g1" "u1" USER(0) true groupDisplayName=null (union branch 0)
        // "c" "local" 1000L (zig-zag varint d00f)
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(
                "00" + "00000001" + "046731" + "047531" + "00" + "01" + "00" + "0263" + "0a6c6f63616c" + "d00f");
    }

    @Test
    void subjectsAreNamedByTopicAndIdsAreSharedWithinAScope() {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);
        KafkaAvroSerializer keys = new KafkaAvroSerializer();
        keys.configure(Map.of("schema.registry.url", "mock://" + SCOPE), true);

        values.serialize("t", known());
        keys.serialize("t", known());

        var registry = MockSchemaRegistry.getClientForScope(SCOPE);
        assertThat(registry.latest("t-value").id()).isEqualTo(1);
        assertThat(registry.latest("t-key").id()).isEqualTo(1);
        assertThat(MockSchemaRegistry.getClientForScope(SCOPE + "-other")).isNotSameAs(registry);
    }

    @Test
    void readsSpecificOrGenericRecordsAndNullAsATombstone() {
        Map<String, String> config = Map.of("schema.registry.url", "mock://" + SCOPE);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        byte[] bytes = serializer.serialize("t", known());

        KafkaAvroDeserializer specific = new KafkaAvroDeserializer();
        specific.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "specific.avro.reader", true), false);
        assertThat(specific.deserialize("t", bytes)).isEqualTo(known());

        KafkaAvroDeserializer generic = new KafkaAvroDeserializer();
        generic.configure(config, false);
        GenericRecord record = (GenericRecord) generic.deserialize("t", bytes);
        assertThat(record.get("groupId").toString()).isEqualTo("g1");

        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(specific.deserialize("t", null)).isNull();
    }

    @Test
    void refusesBytesThatAreNotInTheWireFormat() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {(byte) 0xC3, 0x01, 0, 0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown magic byte");
    }

    @Test
    void withoutAutoRegisterAnUnknownSchemaFailsWithTheSubject() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize("t", known()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("t-value");
    }

    @Test
    void configurationFailsFastNamingTheKey() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        assertThatThrownBy(() -> serializer.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> serializer.configure(Map.of("schema.registry.url", "localhost:8081"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> serializer.configure(Map.of("schema.registry.url", "mock://x", "auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
        assertThatThrownBy(() -> serializer.configure(Map.of("schema.registry.url", "mock://x",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("value.subject.name.strategy");
        assertThatThrownBy(() -> serializer.configure(Map.of("schema.registry.url", "http://r:8081",
                "basic.auth.credentials.source", "USER_INFO"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("null");
    }
}

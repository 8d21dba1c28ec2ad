package io.scimflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scimflow.events.directory.GroupMembership;
import io.scimflow.schemas.registry.MockSchemaRegistry;
import io.scimflow.schemas.registry.RegisteredSchema;
import io.scimflow.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Getting schema ids and writer schemas ahead of the first record. */
class PrepareTest {

    private static final String SCOPE = "prepare-test";
    private static final Map<String, String> CONFIG = Map.of("schema.registry.url", "mock://" + SCOPE, "specific.avro.reader", "true");

    /** The scope's registry, noting every call. */
    private final List<String> calls = new ArrayList<>();
    private final SchemaRegistryClient registry = new SchemaRegistryClient() {
        private final SchemaRegistryClient delegate = MockSchemaRegistry.getClientForScope(SCOPE);

        @Override
        public int register(String subject, Schema schema) {
            calls.add("register " + subject);
            return delegate.register(subject, schema);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            calls.add("idOf " + subject);
            return delegate.idOf(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            calls.add("schemaById " + id);
            return delegate.schemaById(id);
        }

        @Override
        public RegisteredSchema latest(String subject) {
            calls.add("latest " + subject);
            return delegate.latest(subject);
        }
    };

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void aPreparedSerializerRegistersBeforeTheFirstRecordAndNotAgain() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, CONFIG);

        serializer.prepare("directory.memberships", GroupMembership.getClassSchema());

        assertThat(MockSchemaRegistry.getClientForScope(SCOPE).latest("directory.memberships-value").id()).isEqualTo(1);
        calls.clear();
        byte[] bytes = serializer.serialize("directory.memberships", WireFormatTest.known());
        assertThat(bytes[4]).isEqualTo((byte) 1);
        assertThat(calls).allMatch(call -> call.startsWith("register"));
    }

    @Test
    void aPreparedDeserializerReadsTheNewestSchemaWithoutAskingTheRegistryAgain() {
        byte[] bytes = new KafkaAvroSerializer(registry, CONFIG).serialize("directory.memberships", WireFormatTest.known());
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, CONFIG);

        assertThat(deserializer.prepare("directory.memberships")).isTrue();
        assertThat(calls).contains("schemaById 1");

        calls.clear();
        assertThat(deserializer.deserialize("directory.memberships", bytes)).isEqualTo(WireFormatTest.known());
        assertThat(calls).isEmpty();
    }

    @Test
    void preparingATopicWithoutSchemaIsNotAnError() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, CONFIG);

        assertThat(deserializer.prepare("nothing.written.yet")).isFalse();
    }

    @Test
    void withoutAutoRegisterPreparingAnUnknownSchemaFailsWithTheSubject() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry,
                Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", "false"));

        assertThatThrownBy(() -> serializer.prepare("directory.memberships", GroupMembership.getClassSchema()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("directory.memberships-value");
    }
}

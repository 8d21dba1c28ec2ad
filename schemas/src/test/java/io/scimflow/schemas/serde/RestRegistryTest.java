package io.scimflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scimflow.schemas.SampleEvents;
import io.scimflow.events.directory.DirectoryUser;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecordBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The serde against a local HTTP server that answers the Confluent Schema Registry
 * endpoints the client uses, the way Confluent, Karapace, Redpanda and Apicurio's ccompat
 * API answer them.
 */
class RestRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();

    @BeforeEach
    void startRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void registersOnWriteAndFetchesTheWriterSchemaOnRead() {
        Map<String, Object> config = Map.of("schema.registry.url", url(), "specific.avro.reader", "true",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice:s3cret");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);

        byte[] first = serializer.serialize("directory.users", SampleEvents.user());
        byte[] second = serializer.serialize("directory.users", SampleEvents.user());
        Object back = deserializer.deserialize("directory.users", first);

        assertThat(back).isEqualTo(SampleEvents.user());
        assertThat(second).isEqualTo(first);
        assertThat(first[0]).isZero();
        assertThat(java.nio.ByteBuffer.wrap(first, 1, 4).getInt()).isEqualTo(101);
        assertThat(requests).containsExactly(
                "POST /subjects/directory.users-value/versions",
                "GET /schemas/ids/101");
        assertThat(authorizations).allMatch(a -> a.equals("Basic " + Base64.getEncoder()
                .encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void looksUpWithoutRegisteringAndUsesTheLatestVersionWhenAsked() {
        Map<String, Object> register = Map.of("schema.registry.url", url());
        KafkaAvroSerializer registering = new KafkaAvroSerializer();
        registering.configure(register, false);
        registering.serialize("t", SampleEvents.user());
        requests.clear();

        KafkaAvroSerializer lookup = new KafkaAvroSerializer();
        lookup.configure(Map.of("schema.registry.url", url(), "auto.register.schemas", "false"), false);
        lookup.serialize("t", SampleEvents.user());
        KafkaAvroSerializer latest = new KafkaAvroSerializer();
        latest.configure(Map.of("schema.registry.url", url(), "auto.register.schemas", "false", "use.latest.version", "true"), false);
        byte[] bytes = latest.serialize("t", SampleEvents.user());

        assertThat(requests).containsExactly("POST /subjects/t-value", "GET /subjects/t-value/versions/latest");
        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(101);
    }

    @Test
    void triesTheNextUrlWhenOneCannotBeReachedAndTakesCredentialsFromTheUrl() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String withUser = url().replace("http://", "http://bob:pw@");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + deadPort + "," + withUser), false);

        serializer.serialize("t", SampleEvents.user());

        assertThat(requests).containsExactly("POST /subjects/t-value/versions");
        assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void registersOncePerSubjectAndSchemaAndStillRegistersADifferentSchemaWithTheSameName() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", url()), false);
        Schema userSchema = DirectoryUser.getClassSchema();
        Schema evolved = SchemaBuilder.record(userSchema.getName()).namespace(userSchema.getNamespace())
                .fields().requiredString("id").endRecord();
        Schema sameText = new Schema.Parser().parse(evolved.toString());

        byte[] first = serializer.serialize("t", SampleEvents.user());
        serializer.serialize("t", SampleEvents.user());
        serializer.serialize("t", SampleEvents.user());
        byte[] other = serializer.serialize("t", new GenericRecordBuilder(evolved).set("id", "u-1").build());
        serializer.serialize("t", new GenericRecordBuilder(evolved).set("id", "u-2").build());
        byte[] copy = serializer.serialize("t", new GenericRecordBuilder(sameText).set("id", "u-1").build());
        serializer.serialize("u", SampleEvents.user());

        assertThat(requests).containsExactly(
                "POST /subjects/t-value/versions",
                "POST /subjects/t-value/versions",
                "POST /subjects/u-value/versions");
        assertThat(java.nio.ByteBuffer.wrap(first, 1, 4).getInt()).isEqualTo(101);
        assertThat(java.nio.ByteBuffer.wrap(other, 1, 4).getInt()).isEqualTo(102);
        assertThat(copy).isEqualTo(other);
    }

    @Test
    void looksUpOncePerSubjectAndSchemaAndSharesTheAnswerWithRegistering() {
        KafkaAvroSerializer registering = new KafkaAvroSerializer();
        registering.configure(Map.of("schema.registry.url", url()), false);
        registering.serialize("t", SampleEvents.user());
        requests.clear();
        io.scimflow.schemas.registry.SchemaRegistryClient client = io.scimflow.schemas.registry.SchemaRegistryClients
                .forConfig(AvroSerdeConfig.from(Map.of("schema.registry.url", url())));

        int looked = client.idOf("t-value", DirectoryUser.getClassSchema());
        int again = client.idOf("t-value", DirectoryUser.getClassSchema());
        int registered = client.register("t-value", DirectoryUser.getClassSchema());

        assertThat(List.of(looked, again, registered)).containsOnly(101);
        assertThat(requests).containsExactly("POST /subjects/t-value");
    }

    @Test
    void aFailedLookUpIsNotCached() {
        io.scimflow.schemas.registry.SchemaRegistryClient client = io.scimflow.schemas.registry.SchemaRegistryClients
                .forConfig(AvroSerdeConfig.from(Map.of("schema.registry.url", url())));

        assertThatThrownBy(() -> client.idOf("t-value", DirectoryUser.getClassSchema()))
                .hasMessageContaining("404");
        int registered = client.register("t-value", DirectoryUser.getClassSchema());
        int looked = client.idOf("t-value", DirectoryUser.getClassSchema());

        assertThat(registered).isEqualTo(101);
        assertThat(looked).isEqualTo(101);
        assertThat(requests).containsExactly("POST /subjects/t-value", "POST /subjects/t-value/versions");
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = 200;
        Map<String, Object> answer = new HashMap<>();
        if (method.equals("POST") && path.matches("/subjects/[^/]+/versions")) {
            String subject = path.split("/")[2];
            String schema = JSON.readTree(body).get("schema").asText();
            int id = idsBySchema.computeIfAbsent(schema, s -> 101 + idsBySchema.size());
            schemasById.put(id, schema);
            List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
            if (!versions.contains(id)) {
                versions.add(id);
            }
            answer.put("id", id);
        } else if (method.equals("POST") && path.matches("/subjects/[^/]+")) {
            String schema = JSON.readTree(body).get("schema").asText();
            Integer id = idsBySchema.get(schema);
            if (id == null) {
                status = 404;
                answer.put("error_code", 40403);
                answer.put("message", "Schema not found");
            } else {
                answer.putAll(Map.of("subject", path.split("/")[2], "id", id, "version", 1, "schema", schema));
            }
        } else if (method.equals("GET") && path.matches("/schemas/ids/\\d+")) {
            answer.put("schema", schemasById.get(Integer.parseInt(path.split("/")[3])));
        } else if (method.equals("GET") && path.matches("/subjects/[^/]+/versions/latest")) {
            List<Integer> versions = subjects.get(path.split("/")[2]);
            int id = versions.get(versions.size() - 1);
            answer.putAll(Map.of("subject", path.split("/")[2], "id", id, "version", versions.size(), "schema", schemasById.get(id)));
        } else {
            status = 404;
            answer.put("error_code", 404);
            answer.put("message", "HTTP 404 Not Found");
        }
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }
}

package io.scimflow.cli.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scimflow.schemas.registry.MockSchemaRegistry;
import io.scimflow.schemas.registry.RegisteredSchema;
import io.scimflow.schemas.registry.SchemaRegistryClient;
import io.scimflow.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * Serves the embedded default's in-process registry ({@code mock://<scope>}) over the
 * Confluent Schema Registry REST endpoints the serde uses, on 127.0.0.1, so that the
 * command line and other Kafka tools in other processes can read the embedded topics.
 */
public final class LocalSchemaRegistryServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final SchemaRegistryClient registry;

    private LocalSchemaRegistryServer(HttpServer server, SchemaRegistryClient registry) {
        this.server = server;
        this.registry = registry;
    }

    public static LocalSchemaRegistryServer start(String scope, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            LocalSchemaRegistryServer registry = new LocalSchemaRegistryServer(server, MockSchemaRegistry.getClientForScope(scope));
            server.createContext("/", registry::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "local-schema-registry");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the local schema registry on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getRawPath().split("/");
        int status = 200;
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            if (method.equals("GET") && parts.length == 4 && parts[1].equals("schemas") && parts[2].equals("ids")) {
                answer.put("schema", registry.schemaById(Integer.parseInt(parts[3])).toString());
            } else if (method.equals("GET") && parts.length == 5 && parts[1].equals("subjects") && parts[4].equals("latest")) {
                RegisteredSchema latest = registry.latest(decode(parts[2]));
                answer.put("subject", latest.subject());
                answer.put("version", latest.version());
                answer.put("id", latest.id());
                answer.put("schema", latest.schema().toString());
            } else if (method.equals("POST") && parts.length >= 3 && parts[1].equals("subjects")) {
                Schema schema = new Schema.Parser().parse(JSON.readTree(exchange.getRequestBody()).path("schema").asText());
                String subject = decode(parts[2]);
                if (parts.length == 4 && parts[3].equals("versions")) {
                    answer.put("id", registry.register(subject, schema));
                } else {
                    answer.put("subject", subject);
                    answer.put("id", registry.idOf(subject, schema));
                    answer.put("schema", schema.toString());
                }
            } else {
                status = 404;
                answer.put("error_code", 404);
                answer.put("message", "Not served by the local schema registry: " + method + " " + exchange.getRequestURI().getPath());
            }
        } catch (SchemaRegistryException e) {
            status = e.httpStatus() == 0 ? 500 : e.httpStatus();
            answer.put("error_code", e.errorCode());
            answer.put("message", e.getMessage());
        } catch (RuntimeException e) {
            status = 422;
            answer.put("error_code", 42201);
            answer.put("message", e.getMessage());
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}

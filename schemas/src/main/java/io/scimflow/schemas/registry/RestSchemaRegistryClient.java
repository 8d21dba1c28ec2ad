package io.scimflow.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API (also served by Karapace, Redpanda
 * and Apicurio's ccompat API). It uses four endpoints:
 * <ul>
 *   <li>{@code POST /subjects/{subject}/versions} to register,</li>
 *   <li>{@code POST /subjects/{subject}} to look a schema up,</li>
 *   <li>{@code GET /schemas/ids/{id}} to fetch a writer schema,</li>
 *   <li>{@code GET /subjects/{subject}/versions/latest} for {@code use.latest.version}.</li>
 * </ul>
 * Answers are cached: a schema's id never changes. With several base URLs, each is tried in
 * turn when one cannot be reached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final SchemaIdCache idBySchemaObject = new SchemaIdCache();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();

    /**
     * @param baseUrls registry base URLs, e.g. {@code http://registry:8081} or {@code http://apicurio:8080/apis/ccompat/v7}
     * @param authorization the {@code Authorization} header value, or null
     */
    public RestSchemaRegistryClient(List<URI> baseUrls, String authorization, Duration requestTimeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /**
     * Registers once per subject and schema text. Only the first call with a schema object
     * (per subject) writes the schema as JSON to find its cache entry; later calls with the
     * same object are answered by {@link SchemaIdCache} (a generated class's schema is one
     * object, so a serializer writes its schema as JSON once, not once per record).
     */
    @Override
    public int register(String subject, Schema schema) {
        return idBySchemaObject.idOf(subject, schema, () -> registerByText(subject, schema));
    }

    private int registerByText(String subject, Schema schema) {
        return idBySubjectAndSchema.computeIfAbsent(subject + '\u0000' + schema, key -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
            int id = answer.path("id").asInt();
            schemaById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return idBySchemaObject.idOf(subject, schema, () -> lookUpByText(subject, schema));
    }

    private int lookUpByText(String subject, Schema schema) {
        return idBySubjectAndSchema.computeIfAbsent(subject + '\u0000' + schema, key -> {
            JsonNode answer = send("POST", "/subjects/" + encode(subject) + "?normalize=false", schemaBody(schema));
            int id = answer.path("id").asInt();
            schemaById.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemaById.computeIfAbsent(id, key -> {
            JsonNode answer = send("GET", "/schemas/ids/" + id, null);
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        int id = answer.path("id").asInt();
        schemaById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, answer.path("version").asInt(), id, schema);
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private JsonNode send(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            URI uri = URI.create(stripTrailingSlash(base.toString()) + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("Accept", CONTENT_TYPE + ", application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry at " + base, e);
            }
            return parse(method, uri, response);
        }
        throw new SchemaRegistryException("Cannot reach the schema registry at " + baseUrls + ": " + lastFailure, lastFailure);
    }

    private static JsonNode parse(String method, URI uri, HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.createObjectNode().put("message", response.body());
        }
        if (response.statusCode() / 100 != 2) {
            throw new SchemaRegistryException(method + " " + uri.getPath() + " answered " + response.statusCode()
                    + ": " + json.path("message").asText(response.body()), response.statusCode(), json.path("error_code").asInt());
        }
        return json;
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package io.scimflow.producer.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Graph delta links the next poll resumes from, kept in a small JSON file under the
 * producer's data dir, written atomically (temporary file + move). The base URL, the tenant
 * and the selected attributes are stored too: links of another tenant are not reused, and
 * neither are links made for other attributes (a delta link keeps the {@code $select} of the
 * round that started it, so an attribute added to the settings, e.g. {@code manager}, would
 * otherwise reach only the users that change).
 */
public record DeltaState(String usersDeltaLink, String groupsDeltaLink, String tenantId, String baseUrl, String attributes) {

    public static final DeltaState NONE = new DeltaState(null, null, null, null, null);

    /** The links of a finished round, for these settings. */
    public static DeltaState of(String usersDeltaLink, String groupsDeltaLink, GraphSettings settings) {
        return new DeltaState(usersDeltaLink, groupsDeltaLink, settings.tenantId(), settings.baseUrl(), attributesOf(settings));
    }

    /** The selected user and group attributes, as stored with the links. */
    static String attributesOf(GraphSettings settings) {
        return "users:" + String.join(",", settings.userAttributes()) + ";groups:" + String.join(",", settings.groupAttributes());
    }

    public boolean complete() {
        return usersDeltaLink != null && groupsDeltaLink != null;
    }

    public boolean matches(GraphSettings settings) {
        return unusableBecause(settings) == null;
    }

    /** Why these links cannot be resumed with {@code settings}, or null when they can. */
    public String unusableBecause(GraphSettings settings) {
        if (!complete()) {
            return "no complete delta links stored";
        }
        if (!settings.tenantId().equals(tenantId) || !settings.baseUrl().equals(baseUrl)) {
            return "the links are of another tenant or Graph endpoint";
        }
        if (!attributesOf(settings).equals(attributes)) {
            return "the links were made for other selected attributes";
        }
        return null;
    }

    public static DeltaState load(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            return new DeltaState(node.path("usersDeltaLink").asText(null), node.path("groupsDeltaLink").asText(null),
                    node.path("tenantId").asText(null), node.path("baseUrl").asText(null), node.path("attributes").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Graph delta state " + file + " (delete it to resync): " + e.getMessage(), e);
        }
    }

    public void save(Path file) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("usersDeltaLink", usersDeltaLink);
        node.put("groupsDeltaLink", groupsDeltaLink);
        node.put("tenantId", tenantId);
        node.put("baseUrl", baseUrl);
        node.put("attributes", attributes);
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Graph delta state " + file + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

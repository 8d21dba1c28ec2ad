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
 * producer's data dir, written atomically (temporary file + move). The base URL and tenant
 * are stored too: links of another tenant are not reused.
 */
public record DeltaState(String usersDeltaLink, String groupsDeltaLink, String tenantId, String baseUrl) {

    public static final DeltaState NONE = new DeltaState(null, null, null, null);

    public boolean complete() {
        return usersDeltaLink != null && groupsDeltaLink != null;
    }

    public boolean matches(GraphSettings settings) {
        return settings.tenantId().equals(tenantId) && settings.baseUrl().equals(baseUrl);
    }

    public static DeltaState load(Path file) {
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            return new DeltaState(node.path("usersDeltaLink").asText(null), node.path("groupsDeltaLink").asText(null),
                    node.path("tenantId").asText(null), node.path("baseUrl").asText(null));
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

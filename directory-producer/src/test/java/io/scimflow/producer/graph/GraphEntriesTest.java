package io.scimflow.producer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The shapes a user's manager can take in a Graph delta entry. */
class GraphEntriesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void managerDeltaSetsReplacesAndClearsTheManager() throws Exception {
        Map<String, Object> attributes = new HashMap<>(Map.of("displayName", "Zoë"));

        GraphEntries.applyManager(attributes, entry("{\"id\":\"u2\",\"manager@delta\":[{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"m1\"}]}"));
        assertThat(attributes).containsEntry(GraphEntries.MANAGER_ID, "m1");

        // the old manager removed and the new one added, in either order
        GraphEntries.applyManager(attributes, entry("{\"id\":\"u2\",\"manager@delta\":[{\"id\":\"m2\"},"
                + "{\"id\":\"m1\",\"@removed\":{\"reason\":\"deleted\"}}]}"));
        assertThat(attributes).containsEntry(GraphEntries.MANAGER_ID, "m2");

        GraphEntries.applyManager(attributes, entry("{\"id\":\"u2\",\"displayName\":\"Zoë Å\"}"));
        assertThat(attributes).as("an entry without the manager keeps it").containsEntry(GraphEntries.MANAGER_ID, "m2");

        GraphEntries.applyManager(attributes, entry("{\"id\":\"u2\",\"manager@delta\":[{\"@removed\":{\"reason\":\"deleted\"}}]}"));
        assertThat(attributes).doesNotContainKey(GraphEntries.MANAGER_ID).containsEntry("displayName", "Zoë");
    }

    @Test
    void anExpandedManagerObjectSetsItAndNullClearsIt() throws Exception {
        Map<String, Object> attributes = new HashMap<>();

        GraphEntries.applyManager(attributes, entry("{\"id\":\"u2\",\"manager\":{\"id\":\"m9\",\"displayName\":\"Boss\"}}"));
        assertThat(attributes).containsOnly(Map.entry(GraphEntries.MANAGER_ID, "m9"));

        GraphEntries.applyManager(attributes, entry("{\"id\":\"u2\",\"manager\":null}"));
        assertThat(attributes).isEmpty();
    }

    private static JsonNode entry(String json) throws Exception {
        return JSON.readTree(json);
    }
}

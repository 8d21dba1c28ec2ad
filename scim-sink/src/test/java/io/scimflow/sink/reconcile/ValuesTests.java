package io.scimflow.sink.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "true | true | true",
            "true | \"true\" | true",
            "false | \"False\" | true",
            "true | false | false",
            "\"Alice\" | \"Alice\" | true",
            "\"Alice\" | \"alice\" | false",
            "42 | 42 | true",
            "42 | \"42\" | true",
            "{\"value\":\"1\"} | {\"value\":\"1\",\"displayName\":\"Boss\"} | true",
            "{\"value\":\"1\"} | {\"value\":\"2\"} | false",
            "[\"a\",\"b\"] | [\"b\",\"a\"] | true",
            "[\"a\"] | [\"a\",\"b\"] | false",
            "[{\"value\":\"x\",\"primary\":true}] | [{\"value\":\"x\",\"primary\":true,\"display\":\"X\"}] | true",
            "\"x\" | null | false",
            "null | null | true",
            "null | \"x\" | false",
    })
    void decidesWhetherTheTargetAlreadyHasTheDesiredValue(String desired, String current, boolean same) throws Exception {
        assertThat(Values.same(node(desired), node(current))).isEqualTo(same);
    }

    private static JsonNode node(String text) throws Exception {
        return text.equals("null") ? null : JSON.readTree(text);
    }
}

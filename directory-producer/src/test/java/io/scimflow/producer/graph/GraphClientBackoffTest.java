package io.scimflow.producer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class GraphClientBackoffTest {

    final GraphClient client = new GraphClient(HttpClient.newHttpClient(), new GraphSettings("http://127.0.0.1:1", "http://127.0.0.1:1",
            "t", "c", "s", "sp", Duration.ofSeconds(5), List.of("displayName"), List.of("displayName"), 6,
            Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofSeconds(5), Path.of("state.json")), Clock.systemUTC(), d -> { });

    @Test
    void retryAfterInSecondsWinsAndIsCappedAtTheMaximum() {
        assertThat(client.backoff(1, "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(client.backoff(1, "120")).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.backoff(1, "0")).isEqualTo(Duration.ZERO);
    }

    @RepeatedTest(20)
    void withoutRetryAfterTheBackoffDoublesWithJitterUpToTheMaximum() {
        assertThat(client.backoff(1, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(client.backoff(3, null)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
        assertThat(client.backoff(12, null)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(client.backoff(2, "not a number or date")).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void theUrlWithoutTokensIsWhatErrorsShow() {
        assertThat(GraphClient.describe("https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc")).isEqualTo(
                "https://graph.microsoft.com/v1.0/users/delta");
    }
}

package io.scimflow.benchmarks.sink;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.sink.ratelimit.RateBudget;
import io.scimflow.sink.ratelimit.RateBudgetSettings;
import io.scimflow.sink.ratelimit.RetryPolicy;
import io.scimflow.sink.scim.ScimCallListener;
import io.scimflow.sink.scim.ScimHttpClient;
import io.scimflow.sink.scim.TokenSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScimClientCostTest {

    @Test
    void aRoundCreatesEveryUserOnTheServerAndCountsTheSendersCpu() throws Exception {
        MiroServerSettings settings = MiroServerSettings.builder().port(0).token("t").rateLimitsEnabled(false).build();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (LocalMiroScimServer server = LocalMiroScimServer.start(settings);
                ScimHttpClient client = new ScimHttpClient(URI.create(server.baseUrl()), TokenSource.literal("t"),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), 3, new RateBudget(RateBudgetSettings.disabled()),
                        RetryPolicy.defaults(), ScimCallListener.NONE)) {
            ScimClientCost.Round first = ScimClientCost.round(client, pool, 3, 30, 1);
            ScimClientCost.round(client, pool, 3, 20, 2);

            assertThat(server.users()).extracting(UserSnapshot::userName)
                    .hasSize(50)
                    .contains("cost-1-0@example.com", "cost-1-29@example.com", "cost-2-19@example.com")
                    .doesNotHaveDuplicates();
            assertThat(server.requestCounts()).containsEntry("POST /Users", 50L);
            assertThat(first.clientCpuNanos()).isPositive();
            assertThat(first.elapsedNanos()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}

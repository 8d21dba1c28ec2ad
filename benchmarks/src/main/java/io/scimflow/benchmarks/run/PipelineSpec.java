package io.scimflow.benchmarks.run;

import java.time.Duration;
import java.util.List;

import io.scimflow.miroserver.MiroServerSettings;

/**
 * The pipeline a scenario runs.
 *
 * @param sinks scim-sink instances
 * @param sinkConcurrency {@code scimflow.sink.concurrency} of each sink
 * @param workerConcurrency {@code scimflow.worker.concurrency}: listener threads of the worker
 * @param rateLimits Miro's limits in the server and the matching budget in the sink
 * @param rateWindow the limits' window in both (Miro: 30 s)
 * @param addedLatency sleep of the server before each request
 * @param teams teams that exist in the target before the sync
 */
public record PipelineSpec(int sinks, int sinkConcurrency, int workerConcurrency, boolean rateLimits, Duration rateWindow, Duration addedLatency,
        List<String> teams) {

    public PipelineSpec {
        teams = List.copyOf(teams);
    }

    public MiroServerSettings miroSettings() {
        return MiroServerSettings.builder()
                .port(0)
                .rateLimitsEnabled(rateLimits)
                .rateLimitWindow(rateWindow)
                .addedLatency(addedLatency)
                .journalBodies(false)
                .threads(Math.max(64, sinks * sinkConcurrency * 2))
                .build();
    }
}

package io.scimflow.producer.ops;

import io.scimflow.producer.publish.DirectorySynchronizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the producer: DOWN while the last read of the source failed, else OUT_OF_SERVICE
 * until the initial sync is published, UP otherwise.
 */
public final class ProducerHealthIndicator implements HealthIndicator {

    private final DirectorySynchronizer synchronizer;
    private final ProducerMetrics metrics;

    public ProducerHealthIndicator(DirectorySynchronizer synchronizer, ProducerMetrics metrics) {
        this.synchronizer = synchronizer;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        Health.Builder health;
        if (metrics.lastError() != null) {
            health = Health.down().withDetail("lastError", metrics.lastError());
        } else if (!synchronizer.initialSync().isDone()) {
            health = Health.outOfService().withDetail("initialSync", "in progress");
        } else {
            health = Health.up();
        }
        health.withDetail("source", synchronizer.source());
        if (synchronizer.initialSync().isDone() && !synchronizer.initialSync().isCompletedExceptionally()) {
            health.withDetail("initialSyncRecords", synchronizer.initialSync().join().records());
        }
        return health.withDetail("lastPollEpochSeconds", metrics.lastPollEpochSeconds()).build();
    }
}

package io.scimflow.producer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.scimflow.producer.publish.DirectorySource;
import io.scimflow.producer.publish.DirectorySynchronizer;
import io.scimflow.producer.publish.PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The running producer: starts the directory source when the application starts and stops
 * it when it stops. Launchers and tests wait for the first publish with
 * {@link #awaitInitialSync(Duration)}; the log says {@code Initial sync published N objects}.
 */
public class DirectoryProducer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectoryProducer.class);

    private final DirectorySource source;
    private final DirectorySynchronizer synchronizer;
    private final boolean fullResyncOnStart;
    private volatile boolean running;

    public DirectoryProducer(DirectorySource source, DirectorySynchronizer synchronizer, boolean fullResyncOnStart) {
        this.source = source;
        this.synchronizer = synchronizer;
        this.fullResyncOnStart = fullResyncOnStart;
    }

    @Override
    public void start() {
        source.start();
        if (fullResyncOnStart) {
            // Asynchronously: not inside the initial round that completes the future.
            synchronizer.initialSync().thenRunAsync(() -> {
                try {
                    source.fullResync();
                } catch (RuntimeException e) {
                    log.error("The full resync at start-up failed: {}", e.toString(), e);
                }
            });
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        source.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Completes with what the initial sync published (after reading the topics back, only what changed). */
    public CompletableFuture<PublishResult> initialSync() {
        return synchronizer.initialSync();
    }

    /** Waits until the initial sync is published; throws if that takes longer than {@code timeout}. */
    public PublishResult awaitInitialSync(Duration timeout) {
        try {
            return synchronizer.initialSync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the initial sync", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The initial sync failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The initial sync was not published within " + timeout);
        }
    }

    /** Re-reads the directory and re-publishes every object (also {@code POST /admin/full-resync}). */
    public PublishResult fullResync() {
        return source.fullResync();
    }

    public DirectorySource source() {
        return source;
    }
}

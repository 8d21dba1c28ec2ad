package io.scimflow.sink.consume;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a fixed pool so that tasks with the same key run one after the other in
 * submission order, and tasks with different keys run in parallel. Tasks must not throw (a
 * throwing task is logged and its key continues). Thread-safe.
 */
final class KeyedExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeyedExecutor.class);

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    KeyedExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "scim-sink-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    void submit(String key, Runnable task) {
        CompletableFuture<Void> next = tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            return previous.thenRunAsync(() -> run(task), pool);
        });
        next.whenComplete((ignored, error) -> tails.remove(key, next));
    }

    /** Keys with work queued or running. */
    int activeKeys() {
        return tails.size();
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("Operation task failed unexpectedly; the record stays uncommitted until the sink restarts", e);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    void close(Duration timeout) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

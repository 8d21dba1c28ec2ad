package io.scimflow.producer.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

import io.scimflow.producer.model.Directory;
import io.scimflow.schemas.ids.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a directory snapshot as the difference to what the topics already hold. Every
 * record gets a fresh change id, the observation time and the source name. The published
 * state advances only for records the broker confirmed, so a failed round is retried in
 * full by the next one. Thread-safe: rounds run one at a time.
 */
public final class DirectorySynchronizer {

    private static final Logger log = LoggerFactory.getLogger(DirectorySynchronizer.class);

    private final PublishedState published;
    private final EventSink sink;
    private final String source;
    private final Clock clock;
    private final PublishListener listener;
    private final CompletableFuture<PublishResult> initialSync = new CompletableFuture<>();

    public DirectorySynchronizer(PublishedState published, EventSink sink, String source, Clock clock, PublishListener listener) {
        this.published = published;
        this.sink = sink;
        this.source = source;
        this.clock = clock;
        this.listener = listener;
    }

    /** Publishes what changed since the last round (or since the topics were read back). */
    public PublishResult publish(Directory directory) {
        return publish(directory, false);
    }

    /** Re-publishes every object of the directory, changed or not (and deletes what is gone). */
    public PublishResult republishAll(Directory directory) {
        return publish(directory, true);
    }

    private synchronized PublishResult publish(Directory directory, boolean everything) {
        long start = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StreamedProjection next = EventRecords.stream(directory);
        int[] counts = new int[4];
        // Each changed record goes to the broker as soon as it is known: a large round's first
        // records are on their way while its last users are still being made and compared.
        EventSink.Round round = sink.begin();
        DirectoryDiffer.diff(published, next, now, everything, event -> round.add(event.tombstone() ? event
                : new StateEvent(event.topic(), event.key(), EventRecords.stamp(event.value(), RandomIds.next(), now, source))));
        round.finish(event -> {
            published.apply(event);
            counts[event.tombstone() ? 3 : event.topic().ordinal()]++;
            listener.published(event);
        });
        PublishResult result = new PublishResult(counts[0], counts[1], counts[2], counts[3], next.size(),
                (System.nanoTime() - start) / 1_000_000);
        boolean initial = !initialSync.isDone();
        listener.round(result, initial);
        if (initial) {
            log.info("Initial sync published {} objects: {}", result.records(), result);
            initialSync.complete(result);
        } else if (!result.nothing()) {
            log.info("Published {}", result);
        }
        return result;
    }

    /** Completes after the first round (start-up sync) was published. */
    public CompletableFuture<PublishResult> initialSync() {
        return initialSync;
    }

    /** Fails the initial sync future (e.g. the source could not be read at all). */
    public void initialSyncFailed(Throwable cause) {
        initialSync.completeExceptionally(cause);
    }

    /** A copy of the directory the topics describe (no roles or assignments), for sources that resume. */
    public synchronized Directory publishedDirectory() {
        return published.toDirectory().build();
    }

    public synchronized boolean nothingPublished() {
        return published.isEmpty();
    }

    public String source() {
        return source;
    }
}

package io.scimflow.producer.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;

import io.scimflow.producer.model.Directory;
import io.scimflow.schemas.ids.RandomIds;

/**
 * Runs a publish round's code on a made-up directory without publishing: projection,
 * comparison with an empty published state, stamping, and encoding through {@code encode}
 * (which serializes and drops the record). A freshly started JVM runs that code in the
 * interpreter until its JIT has compiled it; this lets the first real round run compiled code.
 */
public final class PublishWarmUp {

    /**
     * What a warm-up did.
     *
     * @param records records the round would have published
     * @param encoded records encoded (fewer when {@code encode} failed and was given up)
     * @param millis time taken
     */
    public record Result(int records, int encoded, long millis) {
    }

    private PublishWarmUp() {
    }

    /**
     * @param encode serializes one record for a topic; the first exception it throws ends the
     * encoding (the rest of the round is still compared and stamped)
     */
    public static Result run(Directory directory, String source, BiConsumer<EventTopic, Object> encode) {
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the synchronizer's own path: the streamed projection and the differ handing records on one by one
        int[] counts = new int[2]; // records, encoded
        boolean[] encoding = {true};
        DirectoryDiffer.diff(new PublishedState(), EventRecords.stream(directory), now, false, event -> {
            counts[0]++;
            Object value = event.tombstone() ? null : EventRecords.stamp(event.value(), RandomIds.next(), now, source);
            if (encoding[0] && value != null) {
                try {
                    encode.accept(event.topic(), value);
                    counts[1]++;
                } catch (RuntimeException e) {
                    encoding[0] = false;
                }
            }
        });
        return new Result(counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
    }
}

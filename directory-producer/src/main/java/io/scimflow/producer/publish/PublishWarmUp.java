package io.scimflow.producer.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
        List<StateEvent> events = DirectoryDiffer.diff(new PublishedState(), EventRecords.project(directory), now, false);
        int encoded = 0;
        boolean encoding = true;
        for (StateEvent event : events) {
            Object value = event.tombstone() ? null : EventRecords.stamp(event.value(), RandomIds.next(), now, source);
            if (encoding && value != null) {
                try {
                    encode.accept(event.topic(), value);
                    encoded++;
                } catch (RuntimeException e) {
                    encoding = false;
                }
            }
        }
        return new Result(events.size(), encoded, (System.nanoTime() - started) / 1_000_000);
    }
}

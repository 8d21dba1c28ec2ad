package io.scimflow.schemas.topics;

import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Helpers for consumers that read partitions up to end offsets taken earlier. */
public final class EndOffsets {

    private EndOffsets() {
    }

    /** True once the consumer's position on every partition has reached its end offset. */
    public static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}

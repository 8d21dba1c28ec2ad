package io.scimflow.producer.publish;

import java.util.List;
import java.util.function.Consumer;

/** Where state events go: Kafka in the app, a list in unit tests. */
public interface EventSink {

    /**
     * Sends the events in order and waits until each is confirmed; calls {@code acked} for each
     * confirmed event, in order, and throws {@link PublishException} if any failed.
     */
    void send(List<StateEvent> events, Consumer<StateEvent> acked);
}

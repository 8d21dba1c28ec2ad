package io.scimflow.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Where state events go: Kafka in the app, a list in unit tests. */
public interface EventSink {

    /**
     * Sends the events in order and waits until each is confirmed; calls {@code acked} for each
     * confirmed event, in order, and throws {@link PublishException} if any failed.
     */
    void send(List<StateEvent> events, Consumer<StateEvent> acked);

    /**
     * Starts a round whose events are handed over one at a time, while the rest of the round is
     * still being computed. This default keeps them until {@link Round#finish} and then calls
     * {@link #send}; a sink that can send at once (Kafka) overrides it.
     */
    default Round begin() {
        List<StateEvent> events = new ArrayList<>();
        return new Round() {
            @Override
            public void add(StateEvent event) {
                events.add(event);
            }

            @Override
            public void finish(Consumer<StateEvent> acked) {
                send(events, acked);
            }
        };
    }

    /** One round of events, as {@link #send} takes them, but handed over one by one. */
    interface Round {

        /** Sends the event (or keeps it for {@link #finish}); events keep the order they were added in. */
        void add(StateEvent event);

        /**
         * Waits until every added event is confirmed and calls {@code acked} for each, in order;
         * throws {@link PublishException} if any failed.
         */
        void finish(Consumer<StateEvent> acked);
    }
}

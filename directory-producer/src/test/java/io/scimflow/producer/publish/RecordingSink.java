package io.scimflow.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps what would have been published, for tests without a broker. */
class RecordingSink implements EventSink {

    final List<StateEvent> sent = new ArrayList<>();

    @Override
    public void send(List<StateEvent> events, Consumer<StateEvent> acked) {
        for (StateEvent event : events) {
            sent.add(event);
            acked.accept(event);
        }
    }

    List<StateEvent> drain() {
        List<StateEvent> copy = List.copyOf(sent);
        sent.clear();
        return copy;
    }
}

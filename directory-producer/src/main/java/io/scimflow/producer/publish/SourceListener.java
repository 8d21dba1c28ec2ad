package io.scimflow.producer.publish;

/** Hears whether reads of the directory source succeed (metrics, health). */
public interface SourceListener {

    SourceListener NONE = new SourceListener() {
    };

    default void polled() {
    }

    default void pollFailed(String error) {
    }
}

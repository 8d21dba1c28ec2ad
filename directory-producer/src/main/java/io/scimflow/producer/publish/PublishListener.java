package io.scimflow.producer.publish;

/** Hears about published records (metrics). */
public interface PublishListener {

    PublishListener NONE = new PublishListener() {
    };

    default void published(StateEvent event) {
    }

    default void round(PublishResult result, boolean initial) {
    }
}

package io.scimflow.producer.publish;

/** A running directory source that feeds a {@link DirectorySynchronizer}. */
public interface DirectorySource extends AutoCloseable {

    /** Starts reading (the initial sync happens in the background; see {@link DirectorySynchronizer#initialSync()}). */
    void start();

    /** Re-reads the whole directory and re-publishes every object, changed or not. */
    PublishResult fullResync();

    @Override
    void close();
}

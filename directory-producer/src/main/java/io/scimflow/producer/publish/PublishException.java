package io.scimflow.producer.publish;

/** Records could not be published; the published state holds only what the broker confirmed. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}

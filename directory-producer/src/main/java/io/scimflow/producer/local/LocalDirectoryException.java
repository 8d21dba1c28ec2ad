package io.scimflow.producer.local;

/** The local directory file cannot be read or is invalid; the message names the file and the line. */
public class LocalDirectoryException extends RuntimeException {

    public LocalDirectoryException(String message) {
        super(message);
    }

    public LocalDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.scimflow.worker.kafka;

/**
 * A record that will never succeed however often it is retried (cannot be decoded, unknown
 * schema, cannot be mapped). The error handler parks it on the dead-letter topic at once.
 */
public class PermanentRecordException extends RuntimeException {

	public PermanentRecordException(String message, Throwable cause) {
		super(message, cause);
	}

}

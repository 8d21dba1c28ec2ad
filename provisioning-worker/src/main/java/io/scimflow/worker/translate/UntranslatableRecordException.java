package io.scimflow.worker.translate;

/**
 * A directory record that can be decoded but not turned into operations (an unknown
 * lifecycle, a mapping that fails for this object). Permanent: retrying gives the same
 * result, so the record is parked on the dead-letter topic.
 */
public class UntranslatableRecordException extends RuntimeException {

	public UntranslatableRecordException(String message) {
		super(message);
	}

	public UntranslatableRecordException(String message, Throwable cause) {
		super(message, cause);
	}

}

package io.scimflow.miroserver.scim;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A SCIM error answer: HTTP status, optional {@code scimType} and a detail message. Thrown
 * by the rules and turned into a SCIM Error body by the HTTP edge.
 */
public final class ScimError extends RuntimeException {

	private final int status;

	private final String scimType;

	public ScimError(int status, String scimType, String detail) {
		super(detail);
		this.status = status;
		this.scimType = scimType;
	}

	public int status() {
		return this.status;
	}

	/** May be null. */
	public String scimType() {
		return this.scimType;
	}

	public String detail() {
		return getMessage();
	}

	public static ScimError badRequest(String scimType, String detail) {
		return new ScimError(400, scimType, detail);
	}

	public static ScimError invalidValue(String detail) {
		return new ScimError(400, "invalidValue", detail);
	}

	public static ScimError notFound(String detail) {
		return new ScimError(404, null, detail);
	}

	public static ScimError conflict(String detail) {
		return new ScimError(409, null, detail);
	}

	public static ScimError methodNotAllowed(String detail) {
		return new ScimError(405, null, detail);
	}

	public static ScimError payloadTooLarge(String detail) {
		return new ScimError(413, null, detail);
	}

	/** Wraps an error raised by the UnboundID SDK (filter parsing, patch application). */
	public static ScimError from(ScimException ex) {
		var error = ex.getScimError();
		int status = (error.getStatus() != null) ? error.getStatus() : 400;
		String detail = (error.getDetail() != null) ? error.getDetail() : ex.getMessage();
		return new ScimError(status, error.getScimType(), detail);
	}

}

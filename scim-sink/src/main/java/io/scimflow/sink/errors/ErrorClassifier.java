package io.scimflow.sink.errors;

import java.util.Locale;

import io.scimflow.sink.reconcile.InvalidOperationException;
import io.scimflow.sink.reconcile.TargetConflictException;
import io.scimflow.sink.scim.CredentialsRejectedException;
import io.scimflow.sink.scim.ScimCallException;
import io.scimflow.sink.scim.ScimHttpClient;
import io.scimflow.sink.scim.ScimTransportException;

/**
 * The one place that decides what a failure means: retry, park, or quarantine. By type and
 * status, never by message text, with one documented exception: Miro reports a duplicate
 * userName as 400 {@code invalidValue} whose detail says "not unique".
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /** What to do with an operation whose processing threw. */
    public enum Kind {
        /** Bad credentials or SCIM switched off: pause everything, probe, resume. */
        QUARANTINE,
        /** Retries are exhausted (5xx, timeouts): park on the dead-letter topic; a redrive may succeed. */
        TRANSIENT_EXHAUSTED,
        /** The data is wrong for the target (4xx): park, do not retry. */
        PERMANENT
    }

    public static Kind classify(Throwable failure) {
        if (failure instanceof CredentialsRejectedException) {
            return Kind.QUARANTINE;
        }
        if (failure instanceof ScimTransportException) {
            return Kind.TRANSIENT_EXHAUSTED;
        }
        if (failure instanceof ScimCallException call) {
            int status = call.status();
            return status >= 500 || status == 408 || status == 429 ? Kind.TRANSIENT_EXHAUSTED : Kind.PERMANENT;
        }
        if (failure instanceof InvalidOperationException || failure instanceof TargetConflictException) {
            return Kind.PERMANENT;
        }
        // A bug or an unexpected failure: park it with its reason rather than block the partition.
        return Kind.PERMANENT;
    }

    /** True when a create failed because the object already exists: 409, or 400 uniqueness / "not unique". */
    public static boolean meansAlreadyExists(ScimCallException e) {
        if (e.status() == 409) {
            // Miro also answers 409 for business rules ("not whitelisted"); the caller confirms with a lookup.
            return e.scimType() == null || "uniqueness".equalsIgnoreCase(e.scimType());
        }
        if (e.status() != 400) {
            return false;
        }
        String type = e.scimType();
        if ("uniqueness".equalsIgnoreCase(type)) {
            return true;
        }
        String detail = e.detail();
        return detail != null && detail.toLowerCase(Locale.ROOT).contains("not unique");
    }

    /** A short stable code for the provisioning log, e.g. {@code SCIM_409}, {@code SCIM_400_invalidValue}, {@code TIMEOUT}. */
    public static String code(Throwable failure) {
        if (failure instanceof ScimCallException call) {
            return "SCIM_" + call.status() + (call.scimType() == null ? "" : "_" + call.scimType());
        }
        if (failure instanceof CredentialsRejectedException rejected) {
            return "SCIM_" + rejected.status();
        }
        if (failure instanceof ScimTransportException transport) {
            return ScimHttpClient.isTimeout(transport.getCause()) ? "TIMEOUT" : "UNREACHABLE";
        }
        if (failure instanceof InvalidOperationException) {
            return "INVALID_OPERATION";
        }
        if (failure instanceof TargetConflictException) {
            return "CONFLICT_NOT_FOUND";
        }
        return "INTERNAL";
    }

    /** The HTTP status for the log, or null. */
    public static Integer httpStatus(Throwable failure) {
        if (failure instanceof ScimCallException call) {
            return call.status();
        }
        if (failure instanceof CredentialsRejectedException rejected) {
            return rejected.status();
        }
        return null;
    }
}

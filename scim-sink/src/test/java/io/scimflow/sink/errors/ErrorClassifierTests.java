package io.scimflow.sink.errors;

import java.net.http.HttpTimeoutException;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.scimflow.sink.errors.ErrorClassifier.Kind;
import io.scimflow.sink.ratelimit.Endpoint;
import io.scimflow.sink.reconcile.InvalidOperationException;
import io.scimflow.sink.scim.CredentialsRejectedException;
import io.scimflow.sink.scim.ScimCallException;
import io.scimflow.sink.scim.ScimTransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTests {

    private static ScimCallException call(int status, String scimType, String detail) {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return new ScimCallException(Endpoint.POST_USERS, "POST", "/Users", ScimException.createException(error, null), null);
    }

    @Test
    void classifiesByTypeAndStatus() {
        assertThat(ErrorClassifier.classify(new CredentialsRejectedException(401, "x"))).isEqualTo(Kind.QUARANTINE);
        assertThat(ErrorClassifier.classify(new CredentialsRejectedException(403, "x"))).isEqualTo(Kind.QUARANTINE);
        assertThat(ErrorClassifier.classify(call(503, null, "down"))).isEqualTo(Kind.TRANSIENT_EXHAUSTED);
        assertThat(ErrorClassifier.classify(new ScimTransportException("t", new HttpTimeoutException("t")))).isEqualTo(Kind.TRANSIENT_EXHAUSTED);
        assertThat(ErrorClassifier.classify(call(400, "invalidValue", "bad"))).isEqualTo(Kind.PERMANENT);
        assertThat(ErrorClassifier.classify(call(409, null, "jane@other.com is not whitelisted"))).isEqualTo(Kind.PERMANENT);
        assertThat(ErrorClassifier.classify(new InvalidOperationException("x"))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void recognisesAlreadyExistsAnswers() {
        assertThat(ErrorClassifier.meansAlreadyExists(call(409, "uniqueness", "exists"))).isTrue();
        assertThat(ErrorClassifier.meansAlreadyExists(call(400, "invalidValue", "User name 'a@b.c' is invalid: 'not unique'"))).isTrue();
        assertThat(ErrorClassifier.meansAlreadyExists(call(400, "uniqueness", "dup"))).isTrue();
        assertThat(ErrorClassifier.meansAlreadyExists(call(400, "invalidValue", "display name too long"))).isFalse();
        assertThat(ErrorClassifier.meansAlreadyExists(call(404, null, "nope"))).isFalse();
    }

    @Test
    void givesStableCodes() {
        assertThat(ErrorClassifier.code(call(400, "invalidValue", "x"))).isEqualTo("SCIM_400_invalidValue");
        assertThat(ErrorClassifier.code(call(500, null, "x"))).isEqualTo("SCIM_500");
        assertThat(ErrorClassifier.code(new ScimTransportException("t", new HttpTimeoutException("t")))).isEqualTo("TIMEOUT");
        assertThat(ErrorClassifier.code(new ScimTransportException("t", new java.net.ConnectException("r")))).isEqualTo("UNREACHABLE");
    }

    @Test
    void givesTheSameCodesForApacheHttpClientFailures() {
        assertThat(ErrorClassifier.code(new ScimTransportException("t", new java.net.SocketTimeoutException("Read timed out"))))
                .isEqualTo("TIMEOUT");
        assertThat(ErrorClassifier.code(new ScimTransportException("t",
                new org.apache.hc.client5.http.ConnectTimeoutException("Connect timed out")))).isEqualTo("TIMEOUT");
        assertThat(ErrorClassifier.code(new ScimTransportException("t",
                new org.apache.hc.core5.http.ConnectionRequestTimeoutException("Timeout deadline")))).isEqualTo("TIMEOUT");
        assertThat(ErrorClassifier.code(new ScimTransportException("t",
                new org.apache.hc.client5.http.HttpHostConnectException("Connection refused")))).isEqualTo("UNREACHABLE");
        assertThat(ErrorClassifier.code(new ScimTransportException("t",
                new org.apache.hc.core5.http.NoHttpResponseException("127.0.0.1:1 failed to respond")))).isEqualTo("UNREACHABLE");
        assertThat(ErrorClassifier.classify(new ScimTransportException("t", new java.net.SocketTimeoutException("t"))))
                .isEqualTo(Kind.TRANSIENT_EXHAUSTED);
    }
}

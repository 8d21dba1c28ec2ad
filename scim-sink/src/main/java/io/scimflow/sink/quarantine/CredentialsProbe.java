package io.scimflow.sink.quarantine;

/** Checks whether the target accepts the (re-read) credentials. */
@FunctionalInterface
public interface CredentialsProbe {

    /** @return null when the credentials work, else what is wrong */
    String problem();
}

package io.scimflow.sink.config;

/** A {@code scimflow.sink.*} setting is missing or wrong; the message names the key. */
public class InvalidSettingException extends RuntimeException {

    private final String key;

    public InvalidSettingException(String key, Object value, String reason) {
        super("Invalid value " + (value == null ? "(not set)" : "'" + value + "'") + " for configuration " + key + ": " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}

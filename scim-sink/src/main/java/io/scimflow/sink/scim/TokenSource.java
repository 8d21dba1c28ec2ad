package io.scimflow.sink.scim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the bearer token comes from: a literal value, a file (e.g. a mounted secret) or an
 * environment variable. {@link #reload()} reads it again, so a fixed token is picked up while
 * the sink is quarantined. The token never appears in {@link #toString()} or in messages.
 * Thread-safe.
 */
public final class TokenSource {

    private final String literal;
    private final Path file;
    private final String envVariable;
    private final Function<String, String> environment;
    private volatile String token;

    private TokenSource(String literal, Path file, String envVariable, Function<String, String> environment) {
        this.literal = literal;
        this.file = file;
        this.envVariable = envVariable;
        this.environment = environment;
        this.token = read();
    }

    public static TokenSource literal(String token) {
        return new TokenSource(token, null, null, System::getenv);
    }

    public static TokenSource file(Path file) {
        return new TokenSource(null, file, null, System::getenv);
    }

    public static TokenSource env(String variable) {
        return env(variable, System::getenv);
    }

    public static TokenSource env(String variable, Function<String, String> environment) {
        return new TokenSource(null, null, variable, environment);
    }

    /** Exactly one of the three must be set; the message names the setting that is wrong. */
    public static TokenSource of(String literal, String file, String envVariable) {
        int set = (blank(literal) ? 0 : 1) + (blank(file) ? 0 : 1) + (blank(envVariable) ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("set exactly one of scimflow.sink.target.token, "
                    + "scimflow.sink.target.token-file, scimflow.sink.target.token-env (" + set + " set)");
        }
        if (!blank(literal)) {
            return literal(literal);
        }
        if (!blank(file)) {
            return file(Path.of(file));
        }
        return env(envVariable, System::getenv);
    }

    /** A literal token that can be changed at run time (tests, the embedded launcher). */
    public void replaceLiteral(String newToken) {
        if (literal == null) {
            throw new IllegalStateException("the token comes from " + describe() + "; change it there");
        }
        this.token = newToken;
    }

    public String current() {
        return token;
    }

    /** Reads the token again from its file or variable. */
    public void reload() {
        if (literal == null) {
            this.token = read();
        }
    }

    private String read() {
        if (literal != null) {
            return literal.trim();
        }
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the SCIM token file " + file + " (scimflow.sink.target.token-file): "
                        + e.getMessage(), e);
            }
        }
        String value = environment.apply(envVariable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + envVariable
                    + " (scimflow.sink.target.token-env) is not set or empty");
        }
        return value.trim();
    }

    public String describe() {
        return literal != null ? "the setting scimflow.sink.target.token" : file != null ? "the file " + file
                : "the environment variable " + envVariable;
    }

    @Override
    public String toString() {
        return "TokenSource[" + describe() + ", token=****]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Map<String, String> redactedHeaders() {
        return Map.of("Authorization", "Bearer ****");
    }
}

package io.scimflow.cli.target;

import java.net.URI;
import java.nio.file.Path;

import io.scimflow.sink.scim.TokenSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the SCIM target is and where its token comes from; shared by the commands that talk to
 * the target. The token itself is never an option (it would show in the process list): it comes
 * from an environment variable or a file. Defaults come from the scim-sink's own environment
 * variables, so inside the sink's container (or docker compose) the options can be left out.
 */
public class TargetOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:SCIMFLOW_SINK_TARGET_BASE_URL}",
            description = "SCIM base URL, e.g. https://miro.com/api/v1/scim (env SCIMFLOW_SINK_TARGET_BASE_URL).")
    String url;

    @Option(names = "--token-env", paramLabel = "VARIABLE", defaultValue = "${env:SCIMFLOW_SINK_TARGET_TOKEN_ENV}",
            description = "Environment variable holding the bearer token (env SCIMFLOW_SINK_TARGET_TOKEN_ENV).")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "${env:SCIMFLOW_SINK_TARGET_TOKEN_FILE}",
            description = "File whose first line is the bearer token (env SCIMFLOW_SINK_TARGET_TOKEN_FILE).")
    Path tokenFile;

    /** The environment variable named by --token-env, or null. */
    public String tokenEnv() {
        return tokenEnv == null || tokenEnv.isBlank() ? null : tokenEnv.trim();
    }

    /** The file named by --token-file, or null. */
    public Path tokenFile() {
        return tokenFile == null || tokenFile.toString().isBlank() ? null : tokenFile;
    }

    /** The base URL, checked: an absolute http(s) URL. */
    public URI url(CommandSpec spec) {
        if (url == null || url.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing --url: the SCIM base URL, e.g. https://miro.com/api/v1/scim");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --url '" + url + "': " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "Invalid --url '" + url + "': expected http(s)://host/path");
        }
        return uri;
    }

    /** The token source, checked: exactly one of --token-env and --token-file, and it holds a token. */
    public TokenSource token(CommandSpec spec) {
        boolean env = tokenEnv != null && !tokenEnv.isBlank();
        boolean file = tokenFile != null && !tokenFile.toString().isBlank();
        if (env && file) {
            throw new ParameterException(spec.commandLine(), "Give either --token-env or --token-file, not both");
        }
        if (!env && !file) {
            throw new ParameterException(spec.commandLine(),
                    "Missing the token: --token-env VARIABLE (an environment variable holding it) or --token-file FILE");
        }
        try {
            return env ? TokenSource.env(tokenEnv.trim()) : TokenSource.file(tokenFile);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), (env ? "--token-env " + tokenEnv : "--token-file " + tokenFile)
                    + ": " + e.getMessage());
        }
    }
}

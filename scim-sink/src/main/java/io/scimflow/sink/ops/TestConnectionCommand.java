package io.scimflow.sink.ops;

import java.time.Duration;

import io.scimflow.sink.scim.ConnectionTester;
import io.scimflow.sink.scim.TokenSource;

/**
 * Entra's "Test connection" from the command line:
 * {@code java -cp scim-sink.jar io.scimflow.sink.ops.TestConnectionCommand <base-url> (--token-env VAR | --token-file FILE)}.
 * Exit status 0 when the connection works, 1 otherwise (with what is wrong on stderr).
 */
public final class TestConnectionCommand {

    private TestConnectionCommand() {
    }

    /** Tests and returns the result (for the lead's CLI). */
    public static ConnectionTester.Result test(String baseUrl, TokenSource token) {
        return new ConnectionTester(Duration.ofSeconds(10)).test(baseUrl, token.current());
    }

    public static void main(String[] args) {
        if (args.length != 3 || !(args[1].equals("--token-env") || args[1].equals("--token-file"))) {
            System.err.println("usage: TestConnectionCommand <base-url> --token-env VARIABLE | --token-file FILE");
            System.exit(2);
        }
        TokenSource token = args[1].equals("--token-env") ? TokenSource.env(args[2]) : TokenSource.file(java.nio.file.Path.of(args[2]));
        ConnectionTester.Result result = test(args[0], token);
        (result.ok() ? System.out : System.err).println(result);
        System.exit(result.ok() ? 0 : 1);
    }
}

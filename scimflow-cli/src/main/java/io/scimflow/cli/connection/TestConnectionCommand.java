package io.scimflow.cli.connection;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.scimflow.cli.target.TargetOptions;
import io.scimflow.sink.scim.ConnectionTester;
import io.scimflow.sink.scim.TokenSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entra's "Test connection": asks the target for a user that cannot exist and checks that it
 * answers like a SCIM service provider with these credentials. The check itself is the sink's
 * {@link ConnectionTester}, so the command and a running sink judge a target the same way.
 */
@Command(name = "test-connection", mixinStandardHelpOptions = true,
        description = {"Check the SCIM base URL and token the way Entra's 'Test connection' does: "
                + "GET /Users?filter=userName eq \"scimflow-test-<uuid>\" must answer 200 with an empty SCIM list.",
                "Exit code 0 when the connection works, 1 with what to fix otherwise."})
public class TestConnectionCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Request timeout (default ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String url = target.url(spec).toString();
        TokenSource token = target.token(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf("Testing %s (token from %s) ...%n", url, token.describe());
        out.flush();
        ConnectionTester.Result result = new ConnectionTester(Duration.ofSeconds(Math.max(1, timeoutSeconds))).test(url, token.current());
        if (result.ok()) {
            out.println(result);
            out.flush();
            return 0;
        }
        err.println(result);
        err.flush();
        return 1;
    }
}

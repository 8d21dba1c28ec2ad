package io.scimflow.cli.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.scimflow.cli.ScimflowCommand;
import picocli.CommandLine;

/** Runs the scimflow command line in this JVM, as {@code java -jar scimflow.jar} would, with captured output. */
public final class CliRun {

    /** Exit code, standard output and standard error of one run. */
    public record Result(int exit, String out, String err) {

        public String all() {
            return out + err;
        }
    }

    private CliRun() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ScimflowCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}

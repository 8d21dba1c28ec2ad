package io.scimflow.cli;

import io.scimflow.cli.logs.LogCommand;
import io.scimflow.cli.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "scimflow", mixinStandardHelpOptions = true, version = "scimflow 0.1.0",
        description = "Directory to SCIM provisioning over Kafka: run it locally, and operate it.",
        subcommands = {ReplayCommand.class, LogCommand.class})
public class ScimflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new ScimflowCommand()).execute(args);
        System.exit(exit);
    }
}

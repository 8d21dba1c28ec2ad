package io.scimflow.cli;

import io.scimflow.cli.connection.TestConnectionCommand;
import io.scimflow.cli.local.LocalCommand;
import io.scimflow.cli.logs.LogCommand;
import io.scimflow.cli.ondemand.ProvisionOnDemandCommand;
import io.scimflow.cli.onoff.ProvisioningSwitchCommand;
import io.scimflow.cli.redrive.RedriveCommand;
import io.scimflow.cli.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "scimflow", mixinStandardHelpOptions = true, version = "scimflow 0.1.0",
        description = "Directory to SCIM provisioning over Kafka: run it locally, and operate it.",
        subcommands = {LocalCommand.class, TestConnectionCommand.class, ProvisioningSwitchCommand.class,
                ProvisionOnDemandCommand.class, ReplayCommand.class, RedriveCommand.class, LogCommand.class})
public class ScimflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // The JDK's HTTP server answers 40 ms late without this; it is read once, before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int exit = new CommandLine(new ScimflowCommand()).execute(args);
        System.exit(exit);
    }
}

package io.scimflow.cli.ondemand;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.scimflow.cli.KafkaOptions;
import io.scimflow.cli.target.TargetOptions;
import io.scimflow.rules.config.AppConfig;
import io.scimflow.rules.config.AppConfigLoader;
import io.scimflow.rules.config.ConfigException;
import io.scimflow.rules.decision.ProvisioningRules;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import io.scimflow.schemas.topics.Topics;
import io.scimflow.sink.config.InvalidSettingException;
import io.scimflow.sink.config.SinkProperties;
import io.scimflow.sink.config.SinkSettings;
import io.scimflow.worker.translate.DirectoryTranslator;
import io.scimflow.worker.translate.OperationFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "provision-on-demand", mixinStandardHelpOptions = true,
        description = {"Provision ONE user now, like Entra's 'Provision on demand', and show every step: "
                + "1 import (the user's state on directory.users), 2 scoping (decision and reasons), "
                + "3 matching and 4 action (the SCIM requests sent and the outcome).",
                "Uses the worker's rules and the sink's reconciler in this process, against the target given here; "
                        + "it writes the link and a provisioning log entry as the sink would. "
                        + "Exit code 0 on success or skip, 1 on failure or unknown user."})
public class ProvisionOnDemandCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TargetOptions target;

    @Option(names = "--user-id", required = true, paramLabel = "ID", description = "The user's directory object id (the key on directory.users).")
    String userId;

    @Option(names = "--app-config", paramLabel = "LOCATION", defaultValue = "${env:SCIMFLOW_WORKER_APP_CONFIG:-classpath:apps/miro.yaml}",
            description = "The worker's app configuration: a file, classpath:… or a bundled name (default ${DEFAULT-VALUE}).")
    String appConfig;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "${env:SCIMFLOW_SINK_TARGET_PROFILE:-miro}",
            description = "Target profile: miro or generic-scim (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--allow-insecure-http", defaultValue = "${env:SCIMFLOW_SINK_TARGET_ALLOW_INSECURE_HTTP:-false}",
            description = "Allow an http:// target URL (a local server).")
    boolean allowInsecureHttp;

    @Option(names = "--users-topic", defaultValue = Topics.DIRECTORY_USERS, paramLabel = "TOPIC", description = "Default ${DEFAULT-VALUE}.")
    String usersTopic;

    @Option(names = "--links-topic", defaultValue = Topics.SINK_LINKS, paramLabel = "TOPIC", description = "The sink's links (default ${DEFAULT-VALUE}).")
    String linksTopic;

    @Option(names = "--log-topic", defaultValue = Topics.PROVISIONING_LOG, paramLabel = "TOPIC", description = "Default ${DEFAULT-VALUE}.")
    String logTopic;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "For reading the topics (default ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SinkSettings settings = sinkSettings();
        ProvisioningRules rules = rules();
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Provision on demand: user %s -> %s (profile %s, app configuration %s)%n", userId, settings.baseUrl(),
                settings.profile().configName(), rules.config().source());
        out.flush();
        Optional<DirectoryUserReader.Found> found;
        try {
            found = new DirectoryUserReader(kafka.clientConfig(), kafka.serdeConfig(), timeout).find(usersTopic, userId);
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("FAILED to import: " + e.getMessage());
            return 1;
        }
        TopicInitializer.ensureTopics(kafka.clientConfig(), List.of(
                new TopicSpec(linksTopic, Topics.sinkLinks().partitions(), (short) 1, Topics.sinkLinks().configs()),
                new TopicSpec(logTopic, Topics.provisioningLog().partitions(), (short) 1, Topics.provisioningLog().configs())), timeout);
        try (SinkParts sink = new SinkParts(settings, kafka.clientConfig(), kafka.serdeConfig().get("schema.registry.url"), linksTopic, logTopic)) {
            sink.loadLinks(timeout);
            OnDemandProvisioner provisioner = new OnDemandProvisioner(rules,
                    new DirectoryTranslator(rules, new OperationFactory(Clock.systemUTC())), sink.reconciler, sink::target, sink.log, out);
            OnDemandProvisioner.Result result = provisioner.provision(userId, usersTopic, found);
            out.flush();
            return result == OnDemandProvisioner.Result.SUCCESS || result == OnDemandProvisioner.Result.SKIPPED ? 0 : 1;
        }
    }

    private SinkSettings sinkSettings() {
        SinkProperties properties = new SinkProperties();
        SinkProperties.Target t = properties.getTarget();
        t.setBaseUrl(target.url(spec).toString());
        t.setProfile(profile);
        t.setAllowInsecureHttp(allowInsecureHttp);
        target.token(spec); // checks the options with the command's own words first
        if (target.tokenEnv() != null) {
            t.setTokenEnv(target.tokenEnv());
        } else {
            t.setTokenFile(target.tokenFile().toString());
        }
        try {
            return SinkSettings.from(properties);
        } catch (InvalidSettingException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("scimflow.sink.target.base-url", "--url")
                    .replace("scimflow.sink.target.allow-insecure-http=true", "--allow-insecure-http")
                    .replace("scimflow.sink.target.allow-insecure-http", "--allow-insecure-http")
                    .replace("scimflow.sink.target.profile", "--profile"));
        }
    }

    private ProvisioningRules rules() {
        try {
            AppConfig config = new AppConfigLoader().loadLocation(appConfig);
            return new ProvisioningRules(config, Clock.systemUTC(), new java.security.SecureRandom());
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --app-config " + appConfig + ": " + e.getMessage());
        }
    }
}

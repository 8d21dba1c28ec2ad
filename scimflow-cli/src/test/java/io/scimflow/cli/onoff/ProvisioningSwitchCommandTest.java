package io.scimflow.cli.onoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.scimflow.cli.support.CliRun;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.sink.ScimSink;
import io.scimflow.sink.ScimSinkApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Provisioning off/on/status against a real scim-sink (in this JVM) and its admin HTTP API. */
class ProvisioningSwitchCommandTest {

    private static LocalMiroScimServer miro;
    private static ConfigurableApplicationContext sinkContext;
    private static ScimSink sink;
    private static String sinkUrl;

    @BeforeAll
    static void startSink() {
        miro = LocalMiroScimServer.start(MiroServerSettings.builder().token("switch-token").rateLimitsEnabled(false).build());
        String id = UUID.randomUUID().toString().substring(0, 8);
        sinkContext = new SpringApplicationBuilder(ScimSinkApplication.class).properties(Map.ofEntries(
                Map.entry("server.port", "0"), Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.kafka.bootstrap-servers", SharedLocalKafkaBroker.bootstrapServers()),
                Map.entry("spring.kafka.properties.schema.registry.url", "mock://switch-test"),
                Map.entry("scimflow.sink.consumer-group", "switch-" + id),
                Map.entry("scimflow.sink.topics.operations", "ops-" + id), Map.entry("scimflow.sink.topics.log", "log-" + id),
                Map.entry("scimflow.sink.topics.links", "links-" + id), Map.entry("scimflow.sink.topics.dead-letter", "dlt-" + id),
                Map.entry("scimflow.sink.target.base-url", miro.baseUrl()), Map.entry("scimflow.sink.target.token", "switch-token"),
                Map.entry("scimflow.sink.target.allow-insecure-http", "true"))).run();
        sink = sinkContext.getBean(ScimSink.class);
        sinkUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) sinkContext).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (sinkContext != null) {
            sinkContext.close();
        }
        miro.close();
    }

    @Test
    void offPausesTheSinkAndOnResumesIt() {
        CliRun.Result off = CliRun.run("provisioning", "off", "--sink-url", sinkUrl);

        assertThat(off.exit()).as(off.all()).isZero();
        assertThat(off.out()).contains(sinkUrl).contains("provisioning OFF paused=true")
                .contains("Provisioning turned off on 1 of 1 sink instance(s).");
        assertThat(sink.status().paused()).isTrue();

        CliRun.Result status = CliRun.run("provisioning", "status", "--sink-url", sinkUrl);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("provisioning OFF").doesNotContain("turned");

        CliRun.Result on = CliRun.run("provisioning", "on", "--sink-url", sinkUrl);

        assertThat(on.exit()).as(on.all()).isZero();
        assertThat(on.out()).contains("provisioning ON  paused=false").contains("Provisioning turned on on 1 of 1");
        assertThat(sink.status().paused()).isFalse();
    }

    @Test
    void allowAndDiscardDeletesReachTheSinkAndStatusShowsTheDecision() {
        CliRun.Result allow = CliRun.run("provisioning", "allow-deletes", "--sink-url", sinkUrl);

        assertThat(allow.exit()).as(allow.all()).isZero();
        assertThat(allow.out()).contains(sinkUrl).contains("deletionsHeld=false")
                .contains("Held deletions allowed on 1 of 1 sink instance(s), until each is drained.");
        // nothing waits in this sink, so the decision ends at its next status refresh (a few times a second)
        CliRun.Result discard = CliRun.run("provisioning", "discard-deletes", "--sink-url", sinkUrl);
        assertThat(discard.exit()).as(discard.all()).isZero();
        assertThat(discard.out()).contains("Held deletions discarded on 1 of 1");
    }

    @Test
    void anUnreachableInstanceFailsTheCommandButTheOthersAreStillSwitched() {
        CliRun.Result result = CliRun.run("provisioning", "status", "--sink-url", sinkUrl + ",http://127.0.0.1:1");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains(sinkUrl + " ").contains("provisioning ON");
        assertThat(result.err()).contains("FAILED http://127.0.0.1:1: cannot reach the sink");
    }

    @Test
    void somethingThatIsNotASinkIsRecognised() {
        CliRun.Result result = CliRun.run("provisioning", "status", "--sink-url", "http://127.0.0.1:" + miro.port());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("404").contains("not a scim-sink admin API");
    }

    @Test
    void anUnknownActionOrNoUrlIsAUsageError() {
        CliRun.Result action = CliRun.run("provisioning", "maybe", "--sink-url", sinkUrl);
        CliRun.Result noUrl = CliRun.run("provisioning", "off");

        assertThat(action.exit()).isEqualTo(2);
        assertThat(action.err()).contains("Unknown action 'maybe': expected off, on, status, allow-deletes or discard-deletes");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("Missing --sink-url");
    }
}

package io.scimflow.sink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import io.scimflow.sink.ops.DeadLetterRedrive;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.SinkHarness;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 429s, 5xx, timeouts, dead letters, redrive, and quarantine on a wrong token. */
class ErrorHandlingIntegrationTests {

    LocalMiroScimServer server;
    SinkHarness harness;

    @BeforeEach
    void setUp() {
        harness = new SinkHarness();
    }

    @AfterEach
    void tearDown() {
        harness.close();
        if (server != null) {
            server.close();
        }
    }

    private List<ProvisioningOperation> users(String prefix, int count) {
        List<ProvisioningOperation> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ops.add(Ops.upsertUser(prefix + i, prefix + i + "@corp.com", "User " + i).build());
        }
        return ops;
    }

    @Test
    void rateLimitedTargetSlowsTheSinkDownAndEverythingFinishes() {
        server = LocalMiroScimServer.start(MiroServerSettings.builder().rateLimitScale(0.05).rateLimitWindow(Duration.ofSeconds(2))
                .retryAfterHeader(true).build());
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        properties.put("scimflow.sink.rate-limit.enabled", "false");
        harness.start(properties);
        List<ProvisioningOperation> ops = users("rl", 30);
        harness.send(ops.toArray(ProvisioningOperation[]::new));
        Map<String, ProvisioningLogEntry> entries = harness.awaitLog(30);
        assertThat(entries.values()).hasSize(30).allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(LogStatus.SUCCESS));
        assertThat(server.rateLimitedCount()).isPositive();
        for (int i = 0; i < 30; i++) {
            assertThat(server.userByUserName("rl" + i + "@corp.com")).isPresent();
        }
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void clientSideBudgetKeepsTheSinkBelowTheTargetsLimits() {
        server = LocalMiroScimServer.start(MiroServerSettings.builder().rateLimitScale(0.05).rateLimitWindow(Duration.ofSeconds(2))
                .build());
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        properties.put("scimflow.sink.rate-limit.scale", "0.05");
        properties.put("scimflow.sink.rate-limit.window", "2s");
        properties.put("scimflow.sink.rate-limit.safety-margin", "500ms");
        harness.start(properties);
        harness.send(users("cb", 25).toArray(ProvisioningOperation[]::new));
        assertThat(harness.awaitLog(25).values()).allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(LogStatus.SUCCESS));
        assertThat(server.rateLimitedCount()).isZero();
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedThenParkedAndARedriveCompletesThem() {
        server = LocalMiroScimServer.start(MiroServerSettings.defaults());
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        properties.put("scimflow.sink.retry.max-attempts", "3");
        properties.put("scimflow.sink.target.request-timeout", "400ms");
        harness.start(properties);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.sinkOf(0).status().assignedPartitions() > 0);

        server.updateSettings(s -> s.failureRate(1.0));
        List<ProvisioningOperation> failing = users("fail", 3);
        harness.send(failing.toArray(ProvisioningOperation[]::new));
        for (ProvisioningOperation op : failing) {
            ProvisioningLogEntry entry = harness.awaitEntry(op);
            assertThat(entry.getStatus()).isEqualTo(LogStatus.FAILURE);
            assertThat(entry.getErrorCode()).isEqualTo("SCIM_500");
            assertThat(entry.getRequests()).isEqualTo(3);
        }

        server.updateSettings(s -> s.failureRate(0).timeoutRate(1.0).timeoutDelay(Duration.ofSeconds(1)));
        List<ProvisioningOperation> slow = users("slow", 2);
        harness.send(slow.toArray(ProvisioningOperation[]::new));
        for (ProvisioningOperation op : slow) {
            ProvisioningLogEntry entry = harness.awaitEntry(op);
            assertThat(entry.getStatus()).isEqualTo(LogStatus.FAILURE);
            assertThat(entry.getErrorCode()).isEqualTo("TIMEOUT");
        }
        List<ConsumerRecord<byte[], byte[]>> parked = harness.deadLetters();
        assertThat(parked).hasSize(5).allSatisfy(r -> {
            assertThat(new String(r.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(harness.topic("provisioning.operations"));
            assertThat(new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .containsAnyOf("SCIM_500", "TIMEOUT");
        });

        server.updateSettings(s -> s.timeoutRate(0));
        DeadLetterRedrive.Result result = DeadLetterRedrive.redrive(Map.of("bootstrap.servers", SinkHarness.bootstrap()),
                harness.topic("scim-sink.dlt"));
        assertThat(result.redriven()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String userName : List.of("fail0", "fail1", "fail2", "slow0", "slow1")) {
                assertThat(server.userByUserName(userName + "@corp.com")).isPresent();
            }
            assertThat(harness.log()).filteredOn(e -> e.getStatus() == LogStatus.SUCCESS).hasSize(5);
        });
        // Timed-out creates were applied by the server: the redrive adopted them instead of creating duplicates.
        assertThat(server.users()).filteredOn(u -> u.userName().startsWith("slow")).hasSize(2);
        assertThat(DeadLetterRedrive.redrive(Map.of("bootstrap.servers", SinkHarness.bootstrap()), harness.topic("scim-sink.dlt"))
                .redriven()).isZero();
    }

    @Test
    void dataErrorsAreNotRetriedAndAreParkedWithTheScimError() {
        server = LocalMiroScimServer.start(MiroServerSettings.builder().allowedDomains(List.of("corp.com")).build());
        harness.start(harness.properties(server.baseUrl(), server.settings().token()));
        ProvisioningOperation outsider = Ops.upsertUser("x1", "jane@other.com", "Jane").build();
        ProvisioningOperation fine = Ops.upsertUser("x2", "joe@corp.com", "Joe").build();
        harness.send(outsider, fine);
        ProvisioningLogEntry failed = harness.awaitEntry(outsider);
        assertThat(failed.getStatus()).isEqualTo(LogStatus.FAILURE);
        assertThat(failed.getHttpStatus()).isEqualTo(409);
        assertThat(failed.getErrorCode()).startsWith("SCIM_409");
        assertThat(failed.getErrorReason()).contains("not whitelisted");
        assertThat(failed.getRequests()).isEqualTo(3);
        assertThat(harness.awaitEntry(fine).getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.journal()).filteredOn(e -> e.endpoint().equals("POST /Users") && e.status() == 409).hasSize(1);
        assertThat(harness.deadLetters()).singleElement().satisfies(r -> assertThat(
                new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).contains("not whitelisted"));

        // A record that is not an operation at all is parked too, and the rest keeps flowing.
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> raw = new org.apache.kafka.clients.producer.KafkaProducer<>(
                Map.of("bootstrap.servers", SinkHarness.bootstrap()), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new org.apache.kafka.clients.producer.ProducerRecord<>(harness.topic("provisioning.operations"), "user/garbage",
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        ProvisioningOperation after = Ops.upsertUser("x3", "after@corp.com", "After").build();
        harness.send(after);
        assertThat(harness.awaitEntry(after).getStatus()).isEqualTo(LogStatus.SUCCESS);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.deadLetters().size() == 2);
        assertThat(harness.log()).filteredOn(e -> "UNDECODABLE".equals(e.getErrorCode())).singleElement()
                .satisfies(e -> assertThat(e.getSourceId()).isEqualTo("garbage"));
    }

    @Test
    void wrongTokenQuarantinesWithOneEmailLosesNothingAndResumesWhenTheTokenIsFixed(@TempDir Path dir) throws Exception {
        server = LocalMiroScimServer.start(MiroServerSettings.defaults());
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try {
            Path tokenFile = dir.resolve("token");
            Files.writeString(tokenFile, "wrong-token");
            Map<String, Object> properties = harness.properties(server.baseUrl(), null);
            properties.remove("scimflow.sink.target.token");
            properties.put("scimflow.sink.target.token-file", tokenFile.toString());
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
            properties.put("scimflow.sink.notify.email-to", "ops@corp.com");
            ConfigurableApplicationContext context = harness.start(properties);
            ScimSink sink = SinkHarness.sink(context);

            List<ProvisioningOperation> ops = users("q", 4);
            harness.send(ops.toArray(ProvisioningOperation[]::new));
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.status().quarantined());
            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            // Probes keep failing; still one email for the incident, nothing applied, nothing logged.
            await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).contains("quarantined");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ops@corp.com");
            assertThat(server.users()).noneMatch(u -> u.userName().startsWith("q"));
            assertThat(harness.log()).isEmpty();
            assertThat(sink.status().drained()).isFalse();

            Files.writeString(tokenFile, server.settings().token());
            Map<String, ProvisioningLogEntry> entries = harness.awaitLog(4);
            assertThat(entries.values()).allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(LogStatus.SUCCESS));
            for (int i = 0; i < 4; i++) {
                assertThat(server.userByUserName("q" + i + "@corp.com")).isPresent();
            }
            assertThat(sink.status().quarantined()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(sink::drained);
            assertThat(mail.getReceivedMessages()).hasSize(1);
        } finally {
            mail.stop();
        }
    }
}

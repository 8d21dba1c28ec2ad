package io.scimflow.sink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.sink.support.Journal;
import io.scimflow.sink.support.LocalMiroSinkTestBase;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.SinkHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Entra's accidental-deletion prevention, against the local Miro server and the real broker. */
class DeletionGuardIntegrationTests extends LocalMiroSinkTestBase {

    @Test
    void holdsTheDisablesPastTheThresholdUntilAnOperatorAllowsOrDiscardsThem() throws Exception {
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        properties.put("scimflow.sink.deletion-guard.threshold", "2");
        ConfigurableApplicationContext context = harness.start(properties);
        ScimSink sink = SinkHarness.sink(context);
        String admin = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/admin/";
        for (int i = 1; i <= 6; i++) {
            ProvisioningOperation create = Ops.upsertUser("d" + i, "d" + i + "@corp.com", "D " + i).build();
            harness.send(create);
            assertThat(harness.awaitEntry(create).getStatus()).isEqualTo(LogStatus.SUCCESS);
        }

        server.clearJournal();
        List<ProvisioningOperation> disables = List.of(Ops.disableUser("d1").build(), Ops.disableUser("d2").build(),
                Ops.disableUser("d3").build());
        ProvisioningOperation create = Ops.upsertUser("d7", "d7@corp.com", "D 7").build();
        harness.send(disables.toArray(ProvisioningOperation[]::new));
        harness.send(create);
        // the three run in parallel (different users): any two go through, the third is held
        ProvisioningOperation held = awaitHeld(sink, disables);
        String heldUser = held.getSourceId() + "@corp.com";
        Thread.sleep(1_000); // held: nothing more is sent, not even the create behind it
        assertThat(Journal.writes(server)).extracting(JournalEntry::endpoint).containsExactly("PATCH /Users/{id}", "PATCH /Users/{id}");
        assertThat(server.userByUserName(heldUser).orElseThrow().active()).isTrue();
        assertThat(server.userByUserName("d7@corp.com")).isEmpty();
        assertThat(sink.status().heldReason()).contains("accidental-deletion threshold reached: 2 users or groups");
        assertThat(sink.status().drained()).isFalse();

        HttpResponse<String> allowed = post(admin + "allow-deletes");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"deletionsHeld\":false").contains("\"deletionsDecision\":\"APPLY\"");
        ProvisioningLogEntry disabled = harness.awaitEntry(held);
        assertThat(disabled.getAction()).isEqualTo(LogAction.DISABLE);
        assertThat(disabled.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.userByUserName(heldUser).orElseThrow().active()).isFalse();
        assertThat(harness.awaitEntry(create).getAction()).isEqualTo(LogAction.CREATE);
        // the allowance ends once the sink is drained; counting starts again
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.status().drained() && sink.status().deletionsDecision() == null);

        server.clearJournal();
        List<ProvisioningOperation> more = List.of(Ops.disableUser("d4").build(), Ops.disableUser("d5").build(),
                Ops.disableUser("d6").build());
        harness.send(more.toArray(ProvisioningOperation[]::new));
        ProvisioningOperation heldAgain = awaitHeld(sink, more);

        assertThat(post(admin + "discard-deletes").body()).contains("\"deletionsDecision\":\"DISCARD\"");
        ProvisioningLogEntry discarded = harness.awaitEntry(heldAgain);
        assertThat(discarded.getAction()).isEqualTo(LogAction.DISABLE);
        assertThat(discarded.getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(discarded.getStatusReason()).contains("discarded by an operator");
        assertThat(discarded.getRequests()).isZero();
        assertThat(server.userByUserName(heldAgain.getSourceId() + "@corp.com").orElseThrow().active()).isTrue();
        assertThat(Journal.writes(server)).extracting(JournalEntry::endpoint).containsExactly("PATCH /Users/{id}", "PATCH /Users/{id}");
    }

    @Test
    void aRestartGoesOnCountingTheDisablesAppliedBeforeItSoACrashLoopCannotApplyMore() {
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        properties.put("scimflow.sink.deletion-guard.threshold", "2");
        ConfigurableApplicationContext first = harness.start(properties);
        for (int i = 1; i <= 3; i++) {
            ProvisioningOperation create = Ops.upsertUser("r" + i, "r" + i + "@corp.com", "R " + i).build();
            harness.send(create);
            assertThat(harness.awaitEntry(create).getStatus()).isEqualTo(LogStatus.SUCCESS);
        }
        ProvisioningOperation before = Ops.disableUser("r1").build();
        harness.send(before);
        assertThat(harness.awaitEntry(before).getStatus()).isEqualTo(LogStatus.SUCCESS); // 1 of 2
        harness.stop(first);

        ScimSink restarted = SinkHarness.sink(harness.start(properties));
        server.clearJournal();
        ProvisioningOperation second = Ops.disableUser("r2").build();
        harness.send(second);
        assertThat(harness.awaitEntry(second).getStatus()).isEqualTo(LogStatus.SUCCESS); // 2 of 2, with the one before the restart
        ProvisioningOperation third = Ops.disableUser("r3").build();
        harness.send(third);

        await().atMost(Duration.ofSeconds(30)).until(() -> restarted.status().deletionsHeld());
        assertThat(restarted.status().heldReason()).contains("accidental-deletion threshold reached: 2 users or groups");
        assertThat(server.userByUserName("r3@corp.com").orElseThrow().active()).isTrue();
        assertThat(Journal.writes(server)).extracting(JournalEntry::endpoint).containsExactly("PATCH /Users/{id}");
        assertThat(harness.log()).extracting(ProvisioningLogEntry::getOperationId).doesNotContain(third.getOperationId());
    }

    @Test
    void aDisableRetriedAfterAQuarantineIsCountedOnce(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, server.settings().token());
        Map<String, Object> properties = harness.properties(server.baseUrl(), null);
        properties.remove("scimflow.sink.target.token");
        properties.put("scimflow.sink.target.token-file", tokenFile.toString());
        properties.put("scimflow.sink.deletion-guard.threshold", "1");
        ScimSink sink = SinkHarness.sink(harness.start(properties));
        ProvisioningOperation create = Ops.upsertUser("q1", "q1@corp.com", "Q 1").build();
        harness.send(create);
        assertThat(harness.awaitEntry(create).getStatus()).isEqualTo(LogStatus.SUCCESS);

        MiroServerSettings before = server.settings();
        try {
            server.updateSettings(s -> s.token("rotated-token")); // the sink's token is refused from now on
            ProvisioningOperation disable = Ops.disableUser("q1").build();
            harness.send(disable); // counted (1 of 1), then refused with 401: quarantine
            await().atMost(Duration.ofSeconds(30)).until(() -> sink.status().quarantined());
            Files.writeString(tokenFile, "rotated-token"); // re-read by the next probe: the same operation is applied again

            assertThat(harness.awaitEntry(disable).getStatus()).isEqualTo(LogStatus.SUCCESS);
            assertThat(server.userByUserName("q1@corp.com").orElseThrow().active()).isFalse();
            assertThat(sink.status().deletionsHeld()).isFalse();
        } finally {
            server.settings(before);
        }
    }

    /** Waits until two of the three operations succeeded and the sink holds; returns the third. */
    private ProvisioningOperation awaitHeld(ScimSink sink, List<ProvisioningOperation> three) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.status().deletionsHeld()
                && harness.log().stream().filter(e -> three.stream().anyMatch(o -> o.getOperationId().equals(e.getOperationId())))
                        .filter(e -> e.getStatus() == LogStatus.SUCCESS).count() == 2);
        List<String> logged = harness.log().stream().map(ProvisioningLogEntry::getOperationId).toList();
        List<ProvisioningOperation> waiting = three.stream().filter(o -> !logged.contains(o.getOperationId())).toList();
        assertThat(waiting).hasSize(1);
        return waiting.get(0);
    }

    private static HttpResponse<String> post(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package io.scimflow.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.sink.log.ProvisioningLogWriter;
import io.scimflow.sink.support.Journal;
import io.scimflow.sink.support.Ops;
import io.scimflow.sink.support.LocalMiroSinkTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Users over real HTTP against the local Miro server and the real broker. */
class UserProvisioningIntegrationTests extends LocalMiroSinkTestBase {

    private final List<Runnable> restore = new ArrayList<>();

    @Test
    void createsThenPatchesOnlyWhatChangedThenSkipsWhenNothingChanged() {
        startSink();
        // after the start: Spring Boot sets logging up again when the app starts
        ListAppender<ILoggingEvent> lines = capture("io.scimflow.sink.provisioning-log", "io.scimflow.sink.progress");
        ProvisioningOperation create = Ops.upsertUser("u1", "alice@corp.com", "Alice A").attr(Ops.ENTERPRISE + ":department", "IT").build();
        harness.send(create);
        ProvisioningLogEntry created = harness.awaitEntry(create);
        assertThat(created.getAction()).isEqualTo(LogAction.CREATE);
        assertThat(created.getStatus()).isEqualTo(LogStatus.SUCCESS);
        UserSnapshot alice = server.userByUserName("alice@corp.com").orElseThrow();
        assertThat(created.getTargetId()).isEqualTo(alice.id());
        assertThat(alice.displayName()).isEqualTo("Alice A");
        assertThat(Journal.of(server, "POST /Users")).hasSize(1);
        // the entry's own line at DEBUG, and at INFO the summary as soon as nothing is waiting
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(List.copyOf(lines.list))
                .anySatisfy(line -> {
                    assertThat(line.getLoggerName()).isEqualTo("io.scimflow.sink.progress");
                    assertThat(line.getLevel()).isEqualTo(Level.INFO);
                    assertThat(line.getFormattedMessage()).startsWith("Provisioned 1 operation in ")
                            .endsWith(": 1 created; 0 waiting; 1 since start");
                }));
        assertThat(List.copyOf(lines.list)).filteredOn(line -> line.getLoggerName().equals("io.scimflow.sink.provisioning-log"))
                .singleElement().satisfies(line -> {
                    assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
                    assertThat(line.getFormattedMessage()).startsWith("CREATE SUCCESS user/u1 (alice@corp.com) -> " + alice.id());
                });

        server.clearJournal();
        ProvisioningOperation rename = Ops.upsertUser("u1", "alice@corp.com", "Alice B").attr(Ops.ENTERPRISE + ":department", "IT").build();
        harness.send(rename);
        ProvisioningLogEntry updated = harness.awaitEntry(rename);
        assertThat(updated.getAction()).isEqualTo(LogAction.UPDATE);
        assertThat(updated.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(updated.getModifiedProperties()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("displayName");
            assertThat(p.getOldValue()).isEqualTo("Alice A");
            assertThat(p.getNewValue()).isEqualTo("Alice B");
        });
        List<JournalEntry> writes = Journal.writes(server);
        assertThat(writes).singleElement().satisfies(w -> {
            assertThat(w.endpoint()).isEqualTo("PATCH /Users/{id}");
            assertThat(w.requestBody()).contains("\"op\":\"replace\"").contains("\"path\":\"displayName\"")
                    .contains("\"Alice B\"").doesNotContain("department").doesNotContain("userName");
        });
        assertThat(Journal.lookups(server)).isEmpty();
        assertThat(server.userByUserName("alice@corp.com").orElseThrow().displayName()).isEqualTo("Alice B");

        server.clearJournal();
        ProvisioningOperation same = Ops.upsertUser("u1", "alice@corp.com", "Alice B").attr(Ops.ENTERPRISE + ":department", "IT").build();
        harness.send(same);
        ProvisioningLogEntry skipped = harness.awaitEntry(same);
        assertThat(skipped.getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(skipped.getStatusReason()).isEqualTo("Skipped, no change");
        assertThat(Journal.writes(server)).isEmpty();
    }

    @Test
    void sendsAnAttributeTheWorkerMarkedSensitiveButLogsItRedacted() {
        startSink();
        String employeeNumber = Ops.ENTERPRISE + ":employeeNumber";
        ProvisioningOperation create = Ops.upsertUser("s1", "sam@corp.com", "Sam").sensitive(employeeNumber, "E-7731").build();
        harness.send(create);
        ProvisioningLogEntry created = harness.awaitEntry(create);

        assertThat(created.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(Journal.of(server, "POST /Users")).singleElement()
                .satisfies(post -> assertThat(post.requestBody()).contains("\"employeeNumber\":\"E-7731\""));
        assertThat(created.getModifiedProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo(employeeNumber);
            assertThat(p.getNewValue()).isEqualTo(ProvisioningLogWriter.REDACTED);
        });
        assertThat(created.getModifiedProperties()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("displayName");
            assertThat(p.getNewValue()).isEqualTo("Sam");
        });
        assertThat(created.toString()).doesNotContain("E-7731");

        server.clearJournal();
        ProvisioningOperation change = Ops.upsertUser("s1", "sam@corp.com", "Sam").sensitive(employeeNumber, "E-9902").build();
        harness.send(change);
        ProvisioningLogEntry updated = harness.awaitEntry(change);
        assertThat(Journal.writes(server)).singleElement().satisfies(w -> assertThat(w.requestBody()).contains("E-9902"));
        assertThat(updated.getModifiedProperties()).singleElement().satisfies(p -> {
            assertThat(p.getOldValue()).isEqualTo(ProvisioningLogWriter.REDACTED);
            assertThat(p.getNewValue()).isEqualTo(ProvisioningLogWriter.REDACTED);
        });
        assertThat(updated.toString()).doesNotContain("E-7731").doesNotContain("E-9902");
    }

    @Test
    void changesTheRoleWithABooleanFilterPathAndSendsNothingWhenTheRoleIsUnchanged() {
        startSink();
        ProvisioningOperation create = Ops.upsertUser("r1", "rita@corp.com", "Rita").role("ORGANIZATION_INTERNAL_USER").build();
        harness.send(create);
        assertThat(harness.awaitEntry(create).getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.userByUserName("rita@corp.com").orElseThrow().roles()).containsExactly("ORGANIZATION_INTERNAL_USER");

        server.clearJournal();
        ProvisioningOperation promote = Ops.upsertUser("r1", "rita@corp.com", "Rita").role("ORGANIZATION_INTERNAL_ADMIN").build();
        harness.send(promote);
        ProvisioningLogEntry promoted = harness.awaitEntry(promote);
        assertThat(promoted.getStatus()).as(promoted.toString()).isEqualTo(LogStatus.SUCCESS);
        assertThat(Journal.writes(server)).singleElement().satisfies(w -> {
            assertThat(w.endpoint()).isEqualTo("PATCH /Users/{id}");
            assertThat(w.requestBody()).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"replace\",\"path\":\"roles[primary eq true].value\",\"value\":\"ORGANIZATION_INTERNAL_ADMIN\"}]}");
            assertThat(w.status()).isEqualTo(200);
        });
        assertThat(server.userByUserName("rita@corp.com").orElseThrow().roles()).containsExactly("ORGANIZATION_INTERNAL_ADMIN");

        server.clearJournal();
        ProvisioningOperation same = Ops.upsertUser("r1", "rita@corp.com", "Rita").role("ORGANIZATION_INTERNAL_ADMIN").build();
        harness.send(same);
        assertThat(harness.awaitEntry(same).getStatusReason()).isEqualTo("Skipped, no change");
        assertThat(Journal.writes(server)).isEmpty();
    }

    @Test
    void disablesReactivatesAndDeletesManagedUsers() {
        startSink();
        harness.send(Ops.upsertUser("u2", "bob@corp.com", "Bob"));
        ProvisioningOperation disable = Ops.disableUser("u2").build();
        harness.send(disable);
        ProvisioningLogEntry disabled = harness.awaitEntry(disable);
        assertThat(disabled.getAction()).isEqualTo(LogAction.DISABLE);
        assertThat(disabled.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.userByUserName("bob@corp.com").orElseThrow().active()).isFalse();
        assertThat(Journal.of(server, "PATCH /Users/{id}")).last().satisfies(w ->
                assertThat(w.requestBody()).contains("\"path\":\"active\"").contains("\"value\":false"));

        ProvisioningOperation reactivate = Ops.upsertUser("u2", "bob@corp.com", "Bob").build();
        harness.send(reactivate);
        ProvisioningLogEntry reactivated = harness.awaitEntry(reactivate);
        assertThat(reactivated.getStatusReason()).isEqualTo("Updated (reactivated)");
        assertThat(server.userByUserName("bob@corp.com").orElseThrow().active()).isTrue();

        String id = server.userByUserName("bob@corp.com").orElseThrow().id();
        ProvisioningOperation delete = Ops.deleteUser("u2").build();
        harness.send(delete);
        ProvisioningLogEntry deleted = harness.awaitEntry(delete);
        assertThat(deleted.getAction()).isEqualTo(LogAction.DELETE);
        assertThat(deleted.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(server.user(id)).isEmpty();

        server.clearJournal();
        ProvisioningOperation again = Ops.deleteUser("u2").build();
        harness.send(again);
        assertThat(harness.awaitEntry(again).getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void createOnlyAttributeIsSentOnCreateAndNeverOverwritten() {
        startSink();
        harness.send(Ops.upsertUser("u3", "carol@corp.com", "Carol").createOnly("userType", "Full"));
        ProvisioningOperation later = Ops.upsertUser("u3", "carol@corp.com", "Carol").createOnly("userType", "Basic").build();
        harness.send(later);
        assertThat(harness.awaitEntry(later).getStatus()).isEqualTo(LogStatus.SKIPPED);
        assertThat(server.userByUserName("carol@corp.com").orElseThrow().userType()).isEqualTo("Full");
        assertThat(Journal.of(server, "POST /Users")).singleElement().satisfies(w -> assertThat(w.requestBody()).contains("\"Full\""));
        assertThat(Journal.of(server, "PATCH /Users/{id}")).isEmpty();
    }

    @Test
    void conflictOnCreateLinksTheExistingUserAndUpdatesIt() {
        Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
        properties.put("scimflow.sink.prefetch.users", "on-start");
        harness.start(properties);
        // Created behind the sink's back after its user listing: the listing says "absent", the create answers 409.
        awaitStatusAssigned();
        String existing = server.seedUser("dave@corp.com");
        ProvisioningOperation upsert = Ops.upsertUser("u4", "dave@corp.com", "Dave D").build();
        harness.send(upsert);
        ProvisioningLogEntry entry = harness.awaitEntry(upsert);
        assertThat(entry.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(entry.getAction()).isEqualTo(LogAction.UPDATE);
        assertThat(entry.getTargetId()).isEqualTo(existing);
        assertThat(server.users().stream().filter(u -> u.userName().equalsIgnoreCase("dave@corp.com"))).hasSize(1);
        assertThat(server.user(existing).orElseThrow().displayName()).isEqualTo("Dave D");
        assertThat(Journal.of(server, "POST /Users")).singleElement().satisfies(w -> assertThat(w.status()).isIn(409, 400));

        // Linked now: a disable needs no lookup.
        server.clearJournal();
        ProvisioningOperation disable = Ops.disableUser("u4").build();
        harness.send(disable);
        assertThat(harness.awaitEntry(disable).getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(Journal.lookups(server)).isEmpty();
        assertThat(server.user(existing).orElseThrow().active()).isFalse();
    }

    @Test
    void mirosBadRequestNotUniqueOnCreateAlsoLinksAndUpdates() {
        server.updateSettings(s -> s.duplicateCreateStatus(400));
        try {
            Map<String, Object> properties = harness.properties(server.baseUrl(), server.settings().token());
            properties.put("scimflow.sink.prefetch.users", "on-start");
            harness.start(properties);
            awaitStatusAssigned();
            String existing = server.seedUser("erin@corp.com");
            ProvisioningOperation upsert = Ops.upsertUser("u5", "erin@corp.com", "Erin E").build();
            harness.send(upsert);
            ProvisioningLogEntry entry = harness.awaitEntry(upsert);
            assertThat(entry.getStatus()).isEqualTo(LogStatus.SUCCESS);
            assertThat(entry.getTargetId()).isEqualTo(existing);
            assertThat(Journal.of(server, "POST /Users")).singleElement().satisfies(w -> {
                assertThat(w.status()).isEqualTo(400);
                assertThat(w.responseBody()).contains("not unique");
            });
            assertThat(server.user(existing).orElseThrow().displayName()).isEqualTo("Erin E");
        } finally {
            server.updateSettings(s -> s.duplicateCreateStatus(409));
        }
    }

    @Test
    void managerIsResolvedToTheManagersTargetId() {
        startSink();
        ProvisioningOperation boss = Ops.upsertUser("m1", "boss@corp.com", "Boss").build();
        harness.send(boss);
        harness.awaitEntry(boss);
        ProvisioningOperation report = Ops.upsertUser("r1", "report@corp.com", "Report").manager("m1").build();
        harness.send(report);
        assertThat(harness.awaitEntry(report).getStatus()).isEqualTo(LogStatus.SUCCESS);
        String bossId = server.userByUserName("boss@corp.com").orElseThrow().id();
        @SuppressWarnings("unchecked")
        Map<String, Object> enterprise = (Map<String, Object>) server.userByUserName("report@corp.com").orElseThrow().attributes()
                .get(Ops.ENTERPRISE);
        assertThat(enterprise).isNotNull();
        assertThat(((Map<?, ?>) enterprise.get("manager")).get("value")).isEqualTo(bossId);
        assertThat(Journal.of(server, "POST /Users")).last().satisfies(w -> assertThat(w.requestBody()).contains("\"value\":\"" + bossId + "\""));
    }

    @Test
    void aManagerProvisionedAfterItsReportIsSetOnTheReportByASecondPass() {
        startSink();
        ProvisioningOperation report = Ops.upsertUser("r2", "report2@corp.com", "Report Two").manager("m2").build();
        harness.send(report);
        ProvisioningLogEntry created = harness.awaitEntry(report);
        assertThat(created.getAction()).isEqualTo(LogAction.CREATE);
        assertThat(created.getSteps()).anySatisfy(step -> assertThat(step.getDescription())
                .contains("is not provisioned on the target yet; left unchanged and set once it is"));
        Object extension = server.userByUserName("report2@corp.com").orElseThrow().attributes().get(Ops.ENTERPRISE);
        assertThat(extension == null || !((Map<?, ?>) extension).containsKey("manager")).as("no manager yet").isTrue();
        assertThat(sinkStatus().pendingReferences()).isEqualTo(1);
        server.clearJournal();

        ProvisioningOperation boss = Ops.upsertUser("m2", "boss2@corp.com", "Boss Two").build();
        harness.send(boss);
        assertThat(harness.awaitEntry(boss).getAction()).isEqualTo(LogAction.CREATE);

        String bossId = server.userByUserName("boss2@corp.com").orElseThrow().id();
        String reportId = server.userByUserName("report2@corp.com").orElseThrow().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.log().stream()
                .filter(e -> e.getOperationId().equals(report.getOperationId())).count() == 2);
        ProvisioningLogEntry second = harness.awaitEntry(report);
        assertThat(second.getAction()).isEqualTo(LogAction.UPDATE);
        assertThat(second.getStatus()).isEqualTo(LogStatus.SUCCESS);
        assertThat(second.getTargetId()).isEqualTo(reportId);
        assertThat(second.getStatusReason()).contains("second pass for references");
        assertThat(second.getModifiedProperties()).singleElement().satisfies(m -> {
            assertThat(m.getName()).isEqualTo(Ops.ENTERPRISE + ":manager");
            assertThat(m.getNewValue()).isEqualTo(bossId);
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> enterprise = (Map<String, Object>) server.userByUserName("report2@corp.com").orElseThrow().attributes()
                .get(Ops.ENTERPRISE);
        assertThat(((Map<?, ?>) enterprise.get("manager")).get("value")).isEqualTo(bossId);
        assertThat(Journal.writes(server)).extracting(JournalEntry::endpoint).containsExactly("POST /Users", "PATCH /Users/{id}");
        assertThat(Journal.of(server, "PATCH /Users/{id}")).singleElement()
                .satisfies(w -> assertThat(w.requestBody()).contains("\"value\":\"" + bossId + "\""));
        assertThat(sinkStatus().pendingReferences()).isZero();
        assertThat(sinkStatus().droppedReferences()).isZero();
    }

    /** Captures every line of these loggers, DEBUG included, until the test ends. */
    private ListAppender<ILoggingEvent> capture(String... loggers) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            Level before = logger.getLevel();
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
            restore.add(() -> {
                logger.detachAppender(appender);
                logger.setLevel(before);
            });
        }
        return appender;
    }

    @AfterEach
    void restoreLoggers() {
        restore.forEach(Runnable::run);
        restore.clear();
    }

    private void awaitStatusAssigned() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                harness.log() != null && sinkStatus().assignedPartitions() > 0);
    }

    private ScimSink.Status sinkStatus() {
        return harness.sinkOf(0).status();
    }
}

package io.scimflow.cli.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.scimflow.cli.support.CliRun;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.AppRoleAssignment;
import io.scimflow.events.directory.DirectoryUser;
import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.localkafka.SharedLocalKafkaBroker;
import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.schemas.serde.KafkaAvroDeserializer;
import io.scimflow.schemas.serde.KafkaAvroSerializer;
import io.scimflow.schemas.topics.TopicInitializer;
import io.scimflow.schemas.topics.TopicSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provision on demand against the real in-process broker and the local Miro server over HTTP. */
class ProvisionOnDemandCommandTest {

    private static final String REGISTRY = "mock://provision-on-demand-test";
    private static final String MEMBER_ROLE = "57119f26-b127-33e2-807c-f1a8ed3a3906";
    private static final String TOKEN = "on-demand-token";

    private static LocalMiroScimServer miro;

    private final String bootstrap = SharedLocalKafkaBroker.bootstrapServers();
    private String usersTopic;
    private String linksTopic;
    private String logTopic;

    @TempDir
    Path dir;

    @BeforeAll
    static void startMiro() {
        miro = LocalMiroScimServer.start(MiroServerSettings.builder().token(TOKEN).rateLimitsEnabled(false).build());
    }

    @AfterAll
    static void stopMiro() {
        miro.close();
    }

    @BeforeEach
    void freshTopicsAndTarget() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        usersTopic = "users-" + id;
        linksTopic = "links-" + id;
        logTopic = "log-" + id;
        TopicInitializer.ensureTopics(Map.of("bootstrap.servers", bootstrap),
                List.of(new TopicSpec(usersTopic, 3, (short) 1, Map.of("cleanup.policy", "compact"))), Duration.ofSeconds(30));
        miro.reset();
    }

    private static DirectoryUser.Builder user(String id, String role) {
        List<AppRoleAssignment> roles = new ArrayList<>();
        roles.add(AppRoleAssignment.newBuilder().setAppRoleId(role == null ? "00000000-0000-0000-0000-000000000000" : MEMBER_ROLE)
                .setAppRoleValue(role).setAppRoleDisplayName(role == null ? "Default Access" : "Member").build());
        return DirectoryUser.newBuilder().setId(id).setChangeId("change-" + UUID.randomUUID()).setChangedAt(Instant.parse("2026-11-28T10:00:00Z"))
                .setUserPrincipalName(id + "@contoso.example").setGivenName("Ada").setSurname("Lovelace").setDisplayName("Ada Lovelace")
                .setLifecycle(Lifecycle.ACTIVE).setAppRoleAssignments(roles);
    }

    private void publish(DirectoryUser... users) throws Exception {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", REGISTRY), false);
        try (var producer = new KafkaProducer<String, Object>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), serializer)) {
            for (DirectoryUser user : users) {
                producer.send(new ProducerRecord<>(usersTopic, user.getId(), user)).get();
            }
        }
    }

    private CliRun.Result onDemand(String userId, String... more) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        List<String> args = new ArrayList<>(List.of("provision-on-demand", "--user-id", userId, "--bootstrap-servers", bootstrap,
                "--schema-registry-url", REGISTRY, "--url", miro.baseUrl(), "--token-file", token.toString(), "--allow-insecure-http",
                "--users-topic", usersTopic, "--links-topic", linksTopic, "--log-topic", logTopic));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private List<ProvisioningLogEntry> log() {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", REGISTRY, "specific.avro.reader", true), false);
        try (var consumer = new KafkaConsumer<String, Object>(Map.of("bootstrap.servers", bootstrap), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(logTopic).stream().map(p -> new TopicPartition(logTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ProvisioningLogEntry> entries = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> entries.add((ProvisioningLogEntry) r.value()));
            }
            return entries;
        }
    }

    @Test
    void anAssignedUserIsCreatedStepByStepThenFoundByItsLink() throws Exception {
        publish(user("u-ada", "ORGANIZATION_INTERNAL_USER").setDisplayName("Old Name").build(),
                user("u-ada", "ORGANIZATION_INTERNAL_USER").build());

        CliRun.Result first = onDemand("u-ada");

        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out())
                .contains("Step 1  Import user u-ada from " + usersTopic)
                .contains("userPrincipalName=u-ada@contoso.example displayName=Ada Lovelace")
                .contains("app role assignments: ORGANIZATION_INTERNAL_USER (direct)")
                .contains("Step 2  Determine if user is in scope").contains("decision: in scope")
                .contains("Step 3  Match user between source and target system")
                .contains("Step 4  Perform action: UPSERT_USER user/u-ada")
                .contains("GET /Users?filter=userName eq \"u-ada@contoso.example\"  ->  no match")
                .contains("POST /Users ").contains("201 created id")
                .contains("Result: CREATE SUCCESS");
        UserSnapshot created = miro.userByUserName("u-ada@contoso.example").orElseThrow();
        assertThat(created.displayName()).isEqualTo("Ada Lovelace");
        assertThat(created.active()).isTrue();
        assertThat(log()).singleElement().satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo(LogAction.CREATE);
            assertThat(entry.getStatus()).isEqualTo(LogStatus.SUCCESS);
            assertThat(entry.getTargetId()).isEqualTo(created.id());
        });

        miro.clearJournal();
        CliRun.Result second = onDemand("u-ada");

        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(second.out()).contains("linked to target user " + created.id()).contains("Result: UPDATE SKIPPED, Skipped, no change");
        assertThat(miro.journal()).extracting(JournalEntry::endpoint).containsExactly("GET /Users/{id}");
        assertThat(miro.users()).hasSize(1);
    }

    @Test
    void aDefaultAccessOnlyUserIsOutOfScopeAndNothingIsSent() throws Exception {
        publish(user("u-default", null).build());
        miro.clearJournal();

        CliRun.Result result = onDemand("u-default");

        assertThat(result.exit()).as(result.all()).isZero();
        assertThat(result.out()).contains("[ ] APP_ROLE").contains("decision: out of scope")
                .contains("Step 4  Perform action: DISABLE_USER user/u-default")
                .contains("SCIM requests sent: none").contains("SKIPPED");
        assertThat(miro.journal()).isEmpty();
        assertThat(miro.users()).isEmpty();
    }

    @Test
    void aChangedAttributeIsPatchedOnTheExistingAccount() throws Exception {
        publish(user("u-bob", "ORGANIZATION_INTERNAL_USER").build());
        onDemand("u-bob");
        String id = miro.userByUserName("u-bob@contoso.example").orElseThrow().id();
        publish(user("u-bob", "ORGANIZATION_INTERNAL_USER").setDisplayName("Ada King").build());

        CliRun.Result result = onDemand("u-bob");

        assertThat(result.exit()).as(result.all()).isZero();
        assertThat(result.out()).contains("PATCH /Users/" + id).contains("modified displayName: Ada Lovelace -> Ada King")
                .contains("Result: UPDATE SUCCESS");
        assertThat(miro.user(id).orElseThrow().displayName()).isEqualTo("Ada King");
    }

    @Test
    void anUnknownUserFailsWithTheReason() throws Exception {
        publish(user("u-known", "ORGANIZATION_INTERNAL_USER").build());

        CliRun.Result result = onDemand("u-nobody");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED: no record with key u-nobody on " + usersTopic);
        assertThat(miro.users()).isEmpty();
    }

    @Test
    void aBadAppConfigurationIsAUsageError() throws Exception {
        CliRun.Result result = onDemand("u-any", "--app-config", dir.resolve("missing.yaml").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid --app-config").contains("missing.yaml");
    }

    @Test
    void plainHttpNeedsToBeAllowed() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);

        CliRun.Result result = CliRun.run("provision-on-demand", "--user-id", "u-any", "--bootstrap-servers", bootstrap,
                "--url", miro.baseUrl(), "--token-file", token.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--url").contains("plain http sends the token unencrypted")
                .contains("set --allow-insecure-http for a local server");
    }
}

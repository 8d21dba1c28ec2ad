package io.scimflow.worker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.scimflow.events.ObjectType;
import io.scimflow.events.directory.Lifecycle;
import io.scimflow.events.directory.MemberType;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;
import io.scimflow.events.operations.ReferenceAttribute;
import io.scimflow.schemas.topics.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static io.scimflow.worker.WorkerHarness.group;
import static io.scimflow.worker.WorkerHarness.membership;
import static io.scimflow.worker.WorkerHarness.role;
import static io.scimflow.worker.WorkerHarness.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worker against a real in-process Kafka broker: directory events in, the exact
 * provisioning operations out.
 */
class ProvisioningWorkerIntegrationTests {

	private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

	@Test
	void emitsTheExactOperationsForUsersInAndOutOfScope() throws Exception {
		try (WorkerHarness harness = new WorkerHarness()) {
			ConfigurableApplicationContext worker = harness.startWorker();
			harness.sendUser(user("assigned", List.of(role("User", null))).setManagerId("boss")
				.setExtensionAttributes(Map.of("extension_app_costCenter", "CC-7"))
				.setGroupIds(List.of("g-team"))
				.build());
			harness.sendUser(user("default-access", List.of(role(null, null))).build());
			harness.sendUser(user("group-assigned", List.of(role("User", "g-team"))).build());
			// The producer leaves nested-group assignments out, so this user has none.
			harness.sendUser(user("nested-only", List.of()).setGroupIds(List.of("g-inner")).build());
			harness.sendUser(user("filter-fail", List.of(role("User", null))).setCompanyName("Fabrikam").build());
			harness.sendUser(user("disabled", List.of(role("User", null))).setAccountEnabled(false).build());
			harness.sendUser(user("soft-deleted", List.of(role("User", null))).setLifecycle(Lifecycle.SOFT_DELETED).build());
			harness.sendUser(user("hard-deleted", List.of()).setLifecycle(Lifecycle.HARD_DELETED).build());
			harness.sendRaw(harness.users, "hard-deleted", null);
			harness.sendUser(user("unassigned", List.of()).build());
			harness.send(harness.groups, "g-team", group("g-team", List.of(role(null, null))));
			harness.send(harness.memberships, "g-team|assigned", membership("g-team", "assigned", MemberType.USER, true));
			harness.send(harness.memberships, "g-team|old", membership("g-team", "old", MemberType.USER, false));
			harness.send(harness.memberships, "g-team|g-inner", membership("g-team", "g-inner", MemberType.GROUP, true));

			List<ConsumerRecord<String, ProvisioningOperation>> records = harness.readOperations(12);

			Map<String, String> actions = records.stream()
				.collect(Collectors.toMap(ProvisioningWorkerIntegrationTests::describeKey,
						(r) -> r.value().getAction().name(), (a, b) -> a + "," + b, LinkedHashMap::new));
			assertThat(actions).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
					Map.entry("user/assigned", "UPSERT_USER"), Map.entry("user/default-access", "DISABLE_USER"),
					Map.entry("user/group-assigned", "UPSERT_USER"), Map.entry("user/nested-only", "DISABLE_USER"),
					Map.entry("user/filter-fail", "DISABLE_USER"), Map.entry("user/disabled", "DISABLE_USER"),
					Map.entry("user/soft-deleted", "DISABLE_USER"), Map.entry("user/hard-deleted", "DELETE_USER"),
					Map.entry("user/unassigned", "DISABLE_USER"), Map.entry("group/g-team", "UPSERT_GROUP"),
					Map.entry("group/g-team+assigned", "ADD_MEMBERS"), Map.entry("group/g-team-old", "REMOVE_MEMBERS")));
			assertThat(records).hasSize(12);

			ProvisioningOperation assigned = find(records, "user/assigned");
			assertThat(assigned.getObjectType()).isEqualTo(ObjectType.USER);
			assertThat(assigned.getChangeId()).isEqualTo("change-assigned");
			assertThat(assigned.getSourceDisplayName()).isEqualTo("assigned@contoso.com");
			assertThat(assigned.getSourceChangedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
			assertThat(assigned.getMatchingAttributes())
				.containsExactly(new MatchingAttribute("userName", "assigned@contoso.com"));
			assertThat(assigned.getAttributes()).containsExactly(
					attribute("userName", "assigned@contoso.com"), attribute("active", true),
					attribute("displayName", "Name assigned"), attribute("name.givenName", "Given-assigned"),
					attribute("name.familyName", "Sur-assigned"), attribute(ENTERPRISE + "department", "R&D"),
					attribute(ENTERPRISE + "costCenter", "CC-7"), attribute(ENTERPRISE + "organization", "Contoso"),
					MappedAttribute.newBuilder().setPath("roles").setValue(null)
						.setJsonValue("[{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"User\",\"value\":\"User\"}]")
						.setApplyOn(ApplyOn.ALWAYS).build(),
					sensitive("externalId", "assigned"), sensitive("nickName", "R&D"));
			assertThat(assigned.getAllowCreate()).isTrue();
			assertThat(assigned.getAllowUpdate()).isTrue();
			ProvisioningOperation group = find(records, "group/g-team");
			assertThat(group.getAllowCreate()).isFalse();
			assertThat(group.getAllowUpdate()).isTrue();
			assertThat(find(records, "group/g-team+assigned").getAllowCreate()).isFalse();
			assertThat(find(records, "group/g-team+assigned").getAllowUpdate()).isTrue();
			assertThat(assigned.getReferences())
				.containsExactly(new ReferenceAttribute(ENTERPRISE + "manager", ObjectType.USER, "boss", ApplyOn.ALWAYS));
			assertThat(assigned.getMemberOfGroupIds()).containsExactly("g-team");

			ProvisioningOperation defaultAccess = find(records, "user/default-access");
			assertThat(defaultAccess.getReason()).contains("Default Access");
			assertThat(defaultAccess.getAttributes()).isEmpty();
			assertThat(find(records, "user/nested-only").getReason()).isEqualTo("not assigned to the app");
			assertThat(find(records, "user/filter-fail").getReason()).contains("Contoso staff");
			assertThat(find(records, "user/disabled").getReason()).contains("accountEnabled=false");
			assertThat(find(records, "user/hard-deleted").getMatchingAttributes())
				.containsExactly(new MatchingAttribute("userName", "hard-deleted@contoso.com"));
			assertThat(find(records, "group/g-team+assigned").getMemberSourceIds()).containsExactly("assigned");

			assertThat(httpPost(worker, "/preview", "{\"userPrincipalName\":\"ada@contoso.com\",\"companyName\":\"Contoso\","
					+ "\"appRoleAssignments\":[{\"appRoleId\":\"r1\",\"appRoleValue\":\"User\"}]}"))
				.contains("\"action\":\"UPSERT\"")
				.contains("\"createRequest\":{\"schemas\"")
				.contains("\"userName\":\"ada@contoso.com\"");
			assertThat(httpPost(worker, "/preview/expression",
					"{\"expression\":\"Join(\\\" \\\", [givenName], [surname])\",\"attributes\":{\"givenName\":\"Ada\",\"surname\":\"L\"}}"))
				.isEqualTo("{\"expression\":\"Join(\\\" \\\", [givenName], [surname])\",\"value\":\"Ada L\"}");
			assertThat(httpPost(worker, "/preview/expression", "{\"expression\":\"Jion([a])\"}"))
				.contains("\"error\":\"EXPR-1008\"")
				.contains("\"position\":1");
		}
	}

	@Test
	void twoInstancesInOneGroupSplitThePartitionsAndEmitEachOperationOnce() {
		try (WorkerHarness harness = new WorkerHarness()) {
			ConfigurableApplicationContext first = harness.startWorker();
			ConfigurableApplicationContext second = harness.startWorker();
			awaitAssignment(List.of(first, second), 18);
			Set<TopicPartition> firstPartitions = assigned(first);
			Set<TopicPartition> secondPartitions = assigned(second);
			assertThat(firstPartitions).isNotEmpty();
			assertThat(secondPartitions).isNotEmpty().doesNotContainAnyElementsOf(firstPartitions);

			int count = 40;
			for (int i = 0; i < count; i++) {
				harness.sendUser(user("u" + i, List.of(role("User", null))).build());
			}
			List<ConsumerRecord<String, ProvisioningOperation>> records = harness.readOperations(count);
			Map<String, Long> perKey = records.stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
			assertThat(perKey).hasSize(count).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
			assertThat(records).allSatisfy((r) -> assertThat(r.value().getAction()).isEqualTo(OperationAction.UPSERT_USER));
		}
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicAndTheProvisioningLogAndTheNextRecordStillFlows() {
		try (WorkerHarness harness = new WorkerHarness()) {
			harness.startWorker();
			byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
			harness.sendRaw(harness.users, "poison", garbage);
			harness.sendUser(user("bad-date", List.of(role("User", null))).setExtensionAttributes(
					Map.of("extensionAttribute9", "not a date")).build());
			harness.sendUser(user("after", List.of(role("User", null))).build());

			List<ConsumerRecord<String, byte[]>> parked = harness.readDeadLetters(2);
			assertThat(parked).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("poison", "bad-date");
			ConsumerRecord<String, byte[]> poison = parked.stream().filter((r) -> r.key().equals("poison")).findFirst()
				.orElseThrow();
			assertThat(poison.value()).isEqualTo(garbage);
			assertThat(header(poison, DeadLetterHeaders.REASON)).startsWith("cannot decode");
			assertThat(header(poison, DeadLetterHeaders.PARKED_BY)).isEqualTo("provisioning-worker");
			assertThat(header(poison, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(harness.users);
			ConsumerRecord<String, byte[]> badDate = parked.stream().filter((r) -> r.key().equals("bad-date"))
				.findFirst().orElseThrow();
			assertThat(header(badDate, DeadLetterHeaders.REASON))
				.contains("mapping to 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization' failed")
				.contains("EXPR-2004");

			List<ConsumerRecord<String, ProvisioningOperation>> records = harness.readOperations(1);
			assertThat(records).extracting(ConsumerRecord::key).containsExactly("user/after");

			List<Object> logEntries = harness.readAvro(harness.log, 2);
			assertThat(logEntries).hasSize(2).allSatisfy((entry) -> {
				ProvisioningLogEntry e = (ProvisioningLogEntry) entry;
				assertThat(e.getStatus()).isEqualTo(LogStatus.FAILURE);
				assertThat(e.getStatusReason()).startsWith("parked on " + harness.deadLetter);
			});
			assertThat(logEntries).extracting((e) -> ((ProvisioningLogEntry) e).getSourceId() + " "
					+ ((ProvisioningLogEntry) e).getErrorCode())
				.containsExactlyInAnyOrder("poison WORKER_UNDECODABLE", "bad-date EXPR-2004");
		}
	}

	@Test
	void aPoisonRecordInsideABatchIsParkedAndTheRestOfTheBatchIsEmittedExactlyOnceInOrder() {
		try (WorkerHarness harness = new WorkerHarness()) {
			ConfigurableApplicationContext worker = harness.startWorker();
			// Hold the listener while the records pile up on one partition, so that one poll
			// (one listener call) gets them all.
			MessageListenerContainer container = worker.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer("provisioning-worker");
			container.stop();
			for (int i = 0; i < 5; i++) {
				harness.send(harness.users, 0, "before" + i, user("before" + i, List.of(role("User", null))).build());
			}
			harness.send(harness.users, 0, "same", user("same", List.of(role("User", null))).setChangeId("same-v1").build());
			harness.sendRaw(harness.users, 0, "poison", "not avro either".getBytes(StandardCharsets.UTF_8));
			harness.send(harness.users, 0, "bad-date", user("bad-date", List.of(role("User", null)))
				.setExtensionAttributes(Map.of("extensionAttribute9", "not a date")).build());
			harness.send(harness.users, 0, "same", user("same", List.of(role("User", null))).setChangeId("same-v2")
				.setAccountEnabled(false).build());
			for (int i = 0; i < 5; i++) {
				harness.send(harness.users, 0, "after" + i, user("after" + i, List.of(role("User", null))).build());
			}
			container.start();

			assertThat(harness.awaitCommitted(14)).isEqualTo(14);
			List<ConsumerRecord<String, byte[]>> parked = harness.readDeadLetters(2);
			assertThat(parked).extracting(ConsumerRecord::key).containsExactly("poison", "bad-date");
			assertThat(header(parked.get(0), DeadLetterHeaders.REASON)).startsWith("cannot decode");
			assertThat(header(parked.get(1), DeadLetterHeaders.REASON)).contains("EXPR-2004");

			List<ConsumerRecord<String, ProvisioningOperation>> records = harness.readOperations(12);
			assertThat(records).hasSize(12);
			Map<String, Long> perKey = records.stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
			Map<String, Long> expected = new LinkedHashMap<>();
			for (int i = 0; i < 5; i++) {
				expected.put("user/before" + i, 1L);
				expected.put("user/after" + i, 1L);
			}
			expected.put("user/same", 2L);
			assertThat(perKey).containsExactlyInAnyOrderEntriesOf(expected);
			assertThat(records).filteredOn((r) -> r.key().equals("user/same"))
				.extracting((r) -> r.value().getChangeId() + " " + r.value().getAction())
				.containsExactly("same-v1 UPSERT_USER", "same-v2 DISABLE_USER");
			assertThat(harness.readAvro(harness.log, 2)).extracting((e) -> ((ProvisioningLogEntry) e).getSourceId())
				.containsExactlyInAnyOrder("poison", "bad-date");
		}
	}

	@Test
	void anInvalidAppConfigurationStopsStartUpNamingFileAndLine() throws Exception {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("bad-app", ".yaml");
		java.nio.file.Files.writeString(file, "target: miro\nusers:\n  mappings:\n"
				+ "    - {target: userName, source: userPrincipalName, matchingPrecedence: 1}\n"
				+ "    - {target: displayName, expression: 'Jion([a])'}\n");
		try (WorkerHarness harness = new WorkerHarness()) {
			assertThatThrownBy(() -> harness.startWorker("scimflow.worker.app-config=" + file))
				.hasRootCauseInstanceOf(io.scimflow.rules.config.ConfigException.class)
				.rootCause()
				.hasMessageContaining(file + ":5: users.mappings[1].expression: EXPR-1008");
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	private static void awaitAssignment(List<ConfigurableApplicationContext> workers, int partitions) {
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			int total = 0;
			boolean everyOne = true;
			for (ConfigurableApplicationContext worker : workers) {
				int n = assigned(worker).size();
				total += n;
				everyOne &= n > 0;
			}
			if (everyOne && total == partitions) {
				return;
			}
			sleep(200);
		}
		throw new AssertionError("partitions were not split between the workers in time");
	}

	private static Set<TopicPartition> assigned(ConfigurableApplicationContext worker) {
		MessageListenerContainer container = worker.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("provisioning-worker");
		java.util.Collection<TopicPartition> partitions = container.getAssignedPartitions();
		return (partitions != null) ? new HashSet<>(partitions) : Set.of();
	}

	private static String describeKey(ConsumerRecord<String, ProvisioningOperation> record) {
		ProvisioningOperation op = record.value();
		if (op.getAction() == OperationAction.ADD_MEMBERS) {
			return record.key() + "+" + String.join(",", op.getMemberSourceIds());
		}
		if (op.getAction() == OperationAction.REMOVE_MEMBERS) {
			return record.key() + "-" + String.join(",", op.getMemberSourceIds());
		}
		return record.key();
	}

	private static ProvisioningOperation find(List<ConsumerRecord<String, ProvisioningOperation>> records, String key) {
		Function<ConsumerRecord<String, ProvisioningOperation>, String> k = ProvisioningWorkerIntegrationTests::describeKey;
		return records.stream().filter((r) -> k.apply(r).equals(key)).findFirst().orElseThrow().value();
	}

	private static MappedAttribute attribute(String path, Object value) {
		return MappedAttribute.newBuilder().setPath(path).setValue(value).setJsonValue(null).setApplyOn(ApplyOn.ALWAYS)
			.build();
	}

	private static MappedAttribute sensitive(String path, Object value) {
		return MappedAttribute.newBuilder().setPath(path).setValue(value).setJsonValue(null).setApplyOn(ApplyOn.ALWAYS)
			.setSensitive(true)
			.build();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static String httpPost(ConfigurableApplicationContext worker, String path, String json) throws Exception {
		int port = ((WebServerApplicationContext) worker).getWebServer().getPort();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

package io.scimflow.miroserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: uniqueness stays atomic and concurrent member changes are not lost. */
class ConcurrencyIntegrationTests {

	static LocalMiroScimServer server;

	static ScimClient client;

	static ExecutorService pool = Executors.newFixedThreadPool(16);

	@BeforeAll
	static void start() {
		server = LocalMiroScimServer.start(MiroServerSettings.builder().rateLimitsEnabled(false).journalBodies(false).build());
		client = new ScimClient(server);
	}

	@BeforeEach
	void reset() {
		server.reset();
	}

	@AfterAll
	static void stop() {
		pool.shutdownNow();
		server.close();
	}

	static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
		List<Future<T>> futures = pool.invokeAll(tasks);
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

	@Test
	void concurrentCreatesOfOneUserNameMakeExactlyOneUser() throws Exception {
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			String userName = (i % 2 == 0) ? "same@example.com" : "SAME@example.com";
			tasks.add(() -> client.post("/Users", "{\"userName\":\"" + userName + "\"}").status());
		}
		List<Integer> statuses = runAll(tasks);
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(31);
		assertThat(server.users()).hasSize(1);
	}

	@Test
	void concurrentMemberAddsToOneTeamAreAllKept() throws Exception {
		String team = server.seedTeam("Busy");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(server.seedUser("member" + i + "@example.com"));
		}
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (String id : ids) {
			tasks.add(() -> client.patch("/Groups/" + team, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
					+ "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}").status());
		}
		assertThat(runAll(tasks)).containsOnly(200);
		assertThat(server.team(team).orElseThrow().memberIds()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(server.requestCounts()).containsEntry("PATCH /Groups/{id}", 40L);
	}

}

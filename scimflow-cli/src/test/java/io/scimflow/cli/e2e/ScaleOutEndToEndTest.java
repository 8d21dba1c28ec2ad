package io.scimflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.cli.local.LocalPipeline;
import io.scimflow.cli.local.LocalPipelineSettings;
import io.scimflow.miroserver.UserSnapshot;
import io.scimflow.miroserver.journal.JournalEntry;
import io.scimflow.producer.local.SyntheticDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker instances and two sink instances in their consumer groups share the work:
 * every user is created exactly once, and each user's successive changes reach the target
 * in the order they were made.
 */
class ScaleOutEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @TempDir
    Path dir;

    @Test
    void twoWorkersAndTwoSinksApplyEachChangeOnceAndInOrder() throws Exception {
        Path directory = dir.resolve("directory.yaml");
        SyntheticDirectory.write(directory, 80, 6, 7L);
        try (LocalPipeline pipeline = LocalPipeline.start(LocalPipelineSettings.forTests()
                .withDataDir(dir.resolve("data")).withDirectoryFile(directory).withInstances(2, 2))) {
            pipeline.awaitIdle(Duration.ofSeconds(2), PATIENCE);
            List<UserSnapshot> created = pipeline.miro().users();
            assertThat(created).isNotEmpty();
            assertThat(pipeline.miro().journal()).filteredOn(j -> j.method().equals("POST") && j.path().endsWith("/Users"))
                    .as("one create per provisioned user").hasSize(created.size())
                    .allSatisfy(j -> assertThat(j.status()).isEqualTo(201));

            // Three successive changes per active user, made as fast as the API answers.
            DirectoryApi api = new DirectoryApi(pipeline.directoryApiUrl());
            Map<String, String> sourceIdByUserName = sourceIds(api);
            List<String> changed = new ArrayList<>();
            for (UserSnapshot user : created) {
                String sourceId = sourceIdByUserName.get(user.userName().toLowerCase());
                if (user.active() && sourceId != null) {
                    changed.add(user.userName());
                    for (int step = 1; step <= 3; step++) {
                        api.patchUser(sourceId, "{\"department\":\"Step " + step + "\"}");
                    }
                }
            }
            assertThat(changed).isNotEmpty();
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (String userName : changed) {
                    assertThat(department(pipeline.miro().userByUserName(userName).orElseThrow())).as(userName).isEqualTo("Step 3");
                }
            });
            pipeline.awaitIdle(Duration.ofSeconds(2), PATIENCE);

            Map<String, List<String>> departmentsSentById = new HashMap<>();
            for (JournalEntry entry : pipeline.miro().journal()) {
                if (entry.method().equals("PATCH") && entry.path().contains("/Users/") && entry.requestBody() != null) {
                    for (int step = 1; step <= 3; step++) {
                        if (entry.requestBody().contains("Step " + step)) {
                            departmentsSentById.computeIfAbsent(entry.path(), p -> new ArrayList<>()).add("Step " + step);
                        }
                    }
                }
            }
            assertThat(departmentsSentById).isNotEmpty();
            departmentsSentById.forEach((path, sent) -> assertThat(sent).as("changes of %s in order", path).isSorted());
            assertThat(pipeline.miro().users()).hasSize(created.size());
            assertThat(pipeline.miro().journal()).filteredOn(j -> j.method().equals("POST") && j.path().endsWith("/Users"))
                    .hasSize(created.size());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> sourceIds(DirectoryApi api) throws Exception {
        Map<String, Object> directory = new com.fasterxml.jackson.databind.ObjectMapper().readValue(api.call("GET", "/api/directory", null), Map.class);
        Map<String, String> ids = new HashMap<>();
        for (Object user : (List<Object>) directory.get("users")) {
            Map<String, Object> u = (Map<String, Object>) user;
            Object upn = u.get("userPrincipalName");
            if (upn == null && u.get("attributes") instanceof Map<?, ?> attributes) {
                upn = attributes.get("userPrincipalName");
            }
            if (upn != null) {
                ids.put(upn.toString().toLowerCase(), u.get("id").toString());
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static String department(UserSnapshot user) {
        Object extension = user.attributes().get(ENTERPRISE);
        return extension instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("department") : null;
    }
}

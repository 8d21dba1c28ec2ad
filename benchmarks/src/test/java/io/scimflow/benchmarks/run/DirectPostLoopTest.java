package io.scimflow.benchmarks.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scimflow.miroserver.MiroServerSettings;
import io.scimflow.miroserver.UserSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectPostLoopTest {

    @Test
    void theWarmUpGoesOnWhileOneOfTheLastRoundsSetANewBest() {
        // a fresh harness JVM: one slow round (1,164 after 1,441) is no plateau
        assertThat(DirectPostLoop.steady(List.of(305.0, 822.0, 860.0, 925.0, 1049.0, 1064.0, 1441.0, 1164.0))).isFalse();
        assertThat(DirectPostLoop.steady(List.of(1000.0, 1500.0, 1600.0, 1650.0))).isFalse(); // 1,600 is 6.7 % over 1,500
    }

    @Test
    void theWarmUpEndsAfterThreeRoundsWithoutANewBest() {
        assertThat(DirectPostLoop.steady(List.of(1000.0, 3000.0, 2900.0, 3100.0, 2800.0))).isTrue(); // 3,100 is 3.3 % over 3,000
        assertThat(DirectPostLoop.steady(List.of(3000.0, 2900.0, 3100.0))).isFalse(); // too few rounds to tell
    }

    @Test
    void postsEveryUserToAFreshServerOnOneOrManyThreads() {
        List<UserSnapshot> users = users(40);

        assertThat(DirectPostLoop.run(MiroServerSettings.defaults(), List.of(), users, 1)).isPositive();
        assertThat(DirectPostLoop.run(MiroServerSettings.defaults(), List.of(), users, 4)).isPositive();
    }

    @Test
    void aRefusedCreateFailsTheLoopAndSaysWhy() {
        List<UserSnapshot> users = new ArrayList<>(users(5));
        users.add(users.get(0)); // the same userName again: the server answers 409

        assertThatThrownBy(() -> DirectPostLoop.run(MiroServerSettings.defaults(), List.of(), users, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("created 5 of 6 users")
                .hasMessageContaining("HTTP 409");
    }

    private static List<UserSnapshot> users(int count) {
        List<UserSnapshot> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userName = "loop-" + i + "@example.com";
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"));
            attributes.put("id", "ignored-" + i);
            attributes.put("userName", userName);
            attributes.put("displayName", "Loop " + i);
            attributes.put("name", Map.of("givenName", "Loop", "familyName", String.valueOf(i)));
            attributes.put("active", true);
            users.add(new UserSnapshot("ignored-" + i, userName, "Loop " + i, true, "Member", false, List.of(), List.of(), attributes));
        }
        return users;
    }
}

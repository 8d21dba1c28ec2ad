package io.scimflow.producer.assignment;

import java.util.List;
import java.util.Map;

/** The effective assignments of every assigned user and group (absent: not assigned). */
public record Assignments(Map<String, List<EffectiveAssignment>> byUser, Map<String, List<EffectiveAssignment>> byGroup) {

    public List<EffectiveAssignment> ofUser(String userId) {
        return byUser.getOrDefault(userId, List.of());
    }

    public List<EffectiveAssignment> ofGroup(String groupId) {
        return byGroup.getOrDefault(groupId, List.of());
    }
}

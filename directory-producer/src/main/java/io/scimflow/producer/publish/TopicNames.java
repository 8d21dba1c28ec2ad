package io.scimflow.producer.publish;

import io.scimflow.schemas.topics.Topics;

/** Names of the directory topics (the defaults are the pipeline's; tests may isolate themselves with others). */
public record TopicNames(String users, String groups, String memberships) {

    public static final TopicNames DEFAULT = new TopicNames(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS, Topics.DIRECTORY_MEMBERSHIPS);

    public String of(EventTopic topic) {
        return switch (topic) {
            case USERS -> users;
            case GROUPS -> groups;
            case MEMBERSHIPS -> memberships;
        };
    }

    public EventTopic topicOf(String name) {
        if (name.equals(users)) {
            return EventTopic.USERS;
        }
        if (name.equals(groups)) {
            return EventTopic.GROUPS;
        }
        if (name.equals(memberships)) {
            return EventTopic.MEMBERSHIPS;
        }
        throw new IllegalArgumentException("Not a directory topic: " + name);
    }
}

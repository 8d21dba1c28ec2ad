package io.scimflow.producer.publish;

/** The three directory topics; their actual names come from {@link TopicNames}. */
public enum EventTopic {
    USERS,
    GROUPS,
    MEMBERSHIPS
}

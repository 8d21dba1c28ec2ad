package io.scimflow.producer.testing;

import java.util.concurrent.atomic.AtomicInteger;

import io.scimflow.producer.publish.TopicNames;

/** Unique topic names per test, so tests sharing one broker do not see each other's records. */
public final class TestTopics {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTopics() {
    }

    public static TopicNames unique(String prefix) {
        String p = prefix + "-" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid() + ".";
        return new TopicNames(p + "directory.users", p + "directory.groups", p + "directory.memberships");
    }
}

package io.scimflow.schemas.topics;

import java.util.List;
import java.util.Map;

/**
 * Every topic of the pipeline, declared once: its name, default partition count and
 * cleanup policy. Each app creates the topics it touches at start-up when missing
 * ({@link TopicInitializer}).
 *
 * <p>The operations, the links and the provisioning log share one key space
 * ({@code user/<id>}, {@code group/<id>}) and one partition count, so that the sink
 * instance that owns an operation's partition also owns that object's link.
 */
public final class Topics {

    /** Full state per user, key = user object id. Compacted: the topic is the directory. */
    public static final String DIRECTORY_USERS = "directory.users";
    /** Full state per group, key = group object id. Compacted. */
    public static final String DIRECTORY_GROUPS = "directory.groups";
    /** One fact per (group, member), key = {@code <groupId>|<memberId>}, partitioned by group. Compacted. */
    public static final String DIRECTORY_MEMBERSHIPS = "directory.memberships";
    /** Desired target state per object, key = {@code <type>/<sourceId>}. */
    public static final String PROVISIONING_OPERATIONS = "provisioning.operations";
    /** One entry per object action taken by the sink. */
    public static final String PROVISIONING_LOG = "provisioning.log";
    /** The sink's source id to target id links. Compacted. */
    public static final String SINK_LINKS = "scim-sink.links";
    /** Directory records the worker could not decode or map, with the reason in headers. */
    public static final String WORKER_DEAD_LETTER = "provisioning-worker.dlt";
    /** Operations the sink could not apply, with the reason in headers; redrivable. */
    public static final String SINK_DEAD_LETTER = "scim-sink.dlt";

    /** Partition count of the directory topics, the operations topic and the links topic. */
    public static final int DEFAULT_PARTITIONS = 6;

    private static final Map<String, String> COMPACTED = Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", "0",
            "delete.retention.ms", "86400000");
    private static final Map<String, String> WEEK = Map.of("cleanup.policy", "delete", "retention.ms", "604800000");
    private static final Map<String, String> MONTH = Map.of("cleanup.policy", "delete", "retention.ms", "2592000000");

    private Topics() {
    }

    public static TopicSpec directoryUsers() {
        return new TopicSpec(DIRECTORY_USERS, DEFAULT_PARTITIONS, (short) 1, COMPACTED);
    }

    public static TopicSpec directoryGroups() {
        return new TopicSpec(DIRECTORY_GROUPS, DEFAULT_PARTITIONS, (short) 1, COMPACTED);
    }

    public static TopicSpec directoryMemberships() {
        return new TopicSpec(DIRECTORY_MEMBERSHIPS, DEFAULT_PARTITIONS, (short) 1, COMPACTED);
    }

    /** Not compacted: membership operations of one group share its key, and each of them counts. */
    public static TopicSpec provisioningOperations() {
        return new TopicSpec(PROVISIONING_OPERATIONS, DEFAULT_PARTITIONS, (short) 1, WEEK);
    }

    public static TopicSpec provisioningLog() {
        return new TopicSpec(PROVISIONING_LOG, 3, (short) 1, MONTH);
    }

    public static TopicSpec sinkLinks() {
        return new TopicSpec(SINK_LINKS, DEFAULT_PARTITIONS, (short) 1, COMPACTED);
    }

    public static TopicSpec workerDeadLetter() {
        return new TopicSpec(WORKER_DEAD_LETTER, 1, (short) 1, MONTH);
    }

    public static TopicSpec sinkDeadLetter() {
        return new TopicSpec(SINK_DEAD_LETTER, 1, (short) 1, MONTH);
    }

    public static List<TopicSpec> directoryProducerTopics() {
        return List.of(directoryUsers(), directoryGroups(), directoryMemberships());
    }

    public static List<TopicSpec> workerTopics() {
        return List.of(directoryUsers(), directoryGroups(), directoryMemberships(), provisioningOperations(), workerDeadLetter());
    }

    public static List<TopicSpec> sinkTopics() {
        return List.of(provisioningOperations(), provisioningLog(), sinkLinks(), sinkDeadLetter());
    }

    public static List<TopicSpec> all() {
        return List.of(directoryUsers(), directoryGroups(), directoryMemberships(), provisioningOperations(),
                provisioningLog(), sinkLinks(), workerDeadLetter(), sinkDeadLetter());
    }
}

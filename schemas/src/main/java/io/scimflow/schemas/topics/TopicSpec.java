package io.scimflow.schemas.topics;

import java.util.Map;

/**
 * How one topic must be created: name, partition count, and topic configs such as
 * {@code cleanup.policy}.
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + " needs at least one partition");
        }
    }

    /** The admin client's description of this topic, e.g. for a Spring {@code NewTopic} bean. */
    public org.apache.kafka.clients.admin.NewTopic toNewTopic() {
        return new org.apache.kafka.clients.admin.NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    public boolean compacted() {
        return configs.getOrDefault("cleanup.policy", "delete").contains("compact");
    }

    public TopicSpec withPartitions(int count) {
        return new TopicSpec(name, count, replicationFactor, configs);
    }

    public TopicSpec withReplicationFactor(short factor) {
        return new TopicSpec(name, partitions, factor, configs);
    }
}

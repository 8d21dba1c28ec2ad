package io.scimflow.schemas.keys;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.scimflow.schemas.topics.Topics;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Producer partitioner: on {@code directory.memberships} it hashes only the group id part
 * of the key, so all facts of one group land on one partition; on every other topic it
 * hashes the whole key exactly as Kafka's default partitioner does (murmur2), so a
 * producer can use it for all its topics. Set it with
 * {@code partitioner.class=io.scimflow.schemas.keys.MembershipPartitioner}.
 */
public class MembershipPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        if (keyBytes == null) {
            throw new IllegalArgumentException("Records of " + topic + " need a key");
        }
        byte[] hashed = keyBytes;
        if (Topics.DIRECTORY_MEMBERSHIPS.equals(topic)) {
            hashed = MembershipKeys.groupIdOf(new String(keyBytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        return partitionFor(hashed, partitions);
    }

    /** The partition Kafka's default partitioner picks for these key bytes. */
    public static int partitionFor(byte[] keyBytes, int partitions) {
        return Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}

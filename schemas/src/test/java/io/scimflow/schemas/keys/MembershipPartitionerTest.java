package io.scimflow.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.scimflow.events.ObjectType;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

class MembershipPartitionerTest {

    private static Cluster clusterWith(String topic, int partitions) {
        Node node = new Node(1, "127.0.0.1", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            infos.add(new PartitionInfo(topic, p, node, new Node[] {node}, new Node[] {node}));
        }
        return new Cluster("c", List.of(node), infos, Set.of(), Set.of());
    }

    @Test
    void allFactsOfOneGroupLandOnTheGroupsPartition() {
        MembershipPartitioner partitioner = new MembershipPartitioner();
        Cluster cluster = clusterWith("directory.memberships", 6);
        Set<Integer> partitions = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> MembershipKeys.of("group-42", "member-" + i))
                .map(key -> partitioner.partition("directory.memberships", key, key.getBytes(StandardCharsets.UTF_8), null, null, cluster))
                .collect(Collectors.toSet());

        assertThat(partitions).containsExactly(MembershipPartitioner.partitionFor("group-42".getBytes(StandardCharsets.UTF_8), 6));
    }

    @Test
    void otherTopicsArePartitionedLikeKafkasDefault() {
        MembershipPartitioner partitioner = new MembershipPartitioner();
        Cluster cluster = clusterWith("provisioning.operations", 6);
        String key = OperationKeys.of(ObjectType.USER, "u|1");
        int partition = partitioner.partition("provisioning.operations", key, key.getBytes(StandardCharsets.UTF_8), null, null, cluster);

        assertThat(partition).isEqualTo(MembershipPartitioner.partitionFor(key.getBytes(StandardCharsets.UTF_8), 6));
        assertThat(OperationKeys.typeOf(key)).isEqualTo(ObjectType.USER);
        assertThat(OperationKeys.sourceIdOf(key)).isEqualTo("u|1");
        assertThat(MembershipKeys.memberIdOf(MembershipKeys.of("g", "m"))).isEqualTo("m");
    }
}

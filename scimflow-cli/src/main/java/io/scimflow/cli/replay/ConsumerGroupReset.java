package io.scimflow.cli.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a consumer group's committed offsets so that its members re-process records:
 * "restart provisioning" as a replay. Kafka only lets offsets change while the group has no
 * active member, so the group's instances (or the embedded default) must be stopped, or the
 * sink paused with provisioning off, before {@link #apply}.
 */
public final class ConsumerGroupReset {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public ConsumerGroupReset(Admin admin) {
        this.admin = admin;
    }

    /** Where to move each partition. */
    public sealed interface Target permits ToEarliest, ToTime, ToOffsets {
    }

    public record ToEarliest() implements Target {
    }

    public record ToTime(Instant time) implements Target {
    }

    public record ToOffsets(Map<TopicPartition, Long> offsets) implements Target {
    }

    public ReplayPlan plan(String group, Collection<String> topics, Target target) {
        try {
            List<TopicPartition> partitions = partitionsOf(topics);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> targets;
            if (target instanceof ToTime t) {
                targets = offsetsAt(partitions, t.time(), ends);
            } else if (target instanceof ToOffsets o) {
                targets = explicitOffsets(partitions, o.offsets());
            } else {
                targets = offsets(partitions, OffsetSpec.earliest());
            }
            List<ReplayPlan.PartitionMove> moves = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata current = committed.get(partition);
                moves.add(new ReplayPlan.PartitionMove(partition, current == null ? -1 : current.offset(),
                        targets.get(partition), ends.get(partition)));
            }
            return new ReplayPlan(group, moves);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Commits the plan's target offsets for the group; refuses while the group has active members. */
    public void apply(ReplayPlan plan) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(plan.group()))
                    .describedGroups().get(plan.group()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!description.members().isEmpty()) {
                throw new IllegalStateException("Group " + plan.group() + " has " + description.members().size()
                        + " active member(s); stop its instances (or turn provisioning off for the sink) and try again");
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            plan.moves().forEach(move -> offsets.put(move.partition(), new OffsetAndMetadata(move.target())));
            admin.alterConsumerGroupOffsets(plan.group(), offsets).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reset group " + plan.group() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private List<TopicPartition> partitionsOf(Collection<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription description : descriptions.values()) {
            description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
        }
        partitions.sort((a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private Map<TopicPartition, Long> offsetsAt(List<TopicPartition> partitions, Instant time, Map<TopicPartition, Long> ends)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> found = offsets(partitions, OffsetSpec.forTimestamp(time.toEpochMilli()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        // No record at or after the time: nothing to replay on that partition, so its end.
        found.forEach((p, offset) -> offsets.put(p, offset < 0 ? ends.get(p) : offset));
        return offsets;
    }

    private static Map<TopicPartition, Long> explicitOffsets(List<TopicPartition> partitions, Map<TopicPartition, Long> given) {
        for (TopicPartition partition : given.keySet()) {
            if (!partitions.contains(partition)) {
                throw new IllegalArgumentException("Partition " + partition + " is not among the group's topics " + partitions);
            }
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (!given.containsKey(partition)) {
                throw new IllegalArgumentException("No offset given for " + partition + " (give one for every partition)");
            }
            offsets.put(partition, given.get(partition));
        }
        return offsets;
    }
}

package io.scimflow.cli.replay;

import java.util.List;

import org.apache.kafka.common.TopicPartition;

/** Where each partition of a consumer group is now and where a replay would put it. */
public record ReplayPlan(String group, List<PartitionMove> moves) {

    /** One partition: committed offset (-1 if none), target offset, end offset. */
    public record PartitionMove(TopicPartition partition, long committed, long target, long end) {

        public long lagNow() {
            return committed < 0 ? end : Math.max(0, end - committed);
        }

        public long lagAfter() {
            return Math.max(0, end - target);
        }
    }

    public long totalLagNow() {
        return moves.stream().mapToLong(PartitionMove::lagNow).sum();
    }

    public long totalLagAfter() {
        return moves.stream().mapToLong(PartitionMove::lagAfter).sum();
    }

    /** A table an operator can read. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-40s %10s %10s %10s %10s %10s%n", "PARTITION", "COMMITTED", "TARGET", "END", "LAG NOW", "LAG AFTER"));
        for (PartitionMove move : moves) {
            out.append(String.format("%-40s %10s %10d %10d %10d %10d%n", move.partition(),
                    move.committed() < 0 ? "-" : String.valueOf(move.committed()), move.target(), move.end(),
                    move.lagNow(), move.lagAfter()));
        }
        out.append(String.format("group %s: lag now %d, lag after the reset %d (records that will be processed again)%n",
                group, totalLagNow(), totalLagAfter()));
        return out.toString();
    }
}

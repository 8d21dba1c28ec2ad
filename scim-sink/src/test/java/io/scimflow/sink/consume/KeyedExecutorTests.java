package io.scimflow.sink.consume;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedExecutorTests {

    @Test
    void runsOneKeysTasksInOrderAndKeysInParallel() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(400);
        try (KeyedExecutor executor = new KeyedExecutor(8)) {
            for (int i = 0; i < 100; i++) {
                for (String key : List.of("a", "b", "c", "d")) {
                    int n = i;
                    executor.submit(key, () -> {
                        seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
                        done.countDown();
                    });
                }
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        for (List<Integer> order : seen.values()) {
            assertThat(order).isSorted().hasSize(100);
        }
    }

    @Test
    void commitsOnlyUpToTheFirstRecordNotDone() {
        OffsetTracker tracker = new OffsetTracker();
        TopicPartition p = new TopicPartition("ops", 0);
        for (long offset = 10; offset < 15; offset++) {
            tracker.started(p, offset);
        }
        tracker.done(p, 10);
        tracker.done(p, 12);
        tracker.done(p, 13);
        assertThat(tracker.toCommit(null).get(p).offset()).isEqualTo(11);
        tracker.committed(tracker.toCommit(null));
        assertThat(tracker.toCommit(null)).isEmpty();
        tracker.done(p, 11);
        assertThat(tracker.toCommit(null).get(p).offset()).isEqualTo(14);
        tracker.done(p, 14);
        assertThat(tracker.toCommit(null).get(p).offset()).isEqualTo(15);
        tracker.committed(tracker.toCommit(null));
        assertThat(tracker.allCommitted()).isTrue();
    }
}

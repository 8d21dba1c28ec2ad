package io.scimflow.producer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.scimflow.producer.publish.DirectorySynchronizer;
import io.scimflow.producer.publish.EventSink;
import io.scimflow.producer.publish.EventTopic;
import io.scimflow.producer.publish.PublishListener;
import io.scimflow.producer.publish.PublishedState;
import io.scimflow.producer.publish.SourceListener;
import io.scimflow.producer.publish.StateEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a changed local directory file is read: at once when it was moved into place whole, never while it is written. */
class LocalDirectorySourceTest {

    @TempDir
    Path dir;

    /** Every round the source published, as the user ids it sent. */
    final List<List<String>> rounds = new CopyOnWriteArrayList<>();
    final EventSink sink = (events, acked) -> {
        rounds.add(events.stream().filter(e -> e.topic() == EventTopic.USERS).map(StateEvent::key).toList());
        events.forEach(acked);
    };
    LocalDirectorySource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aFileMovedIntoPlaceIsPublishedOnItsChangeEventWithoutWaitingForAPoll() throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, directory(2));
        // An hour between polls: only the file system's change event can make the source look.
        source = start(file, Duration.ofHours(1));

        Path aside = dir.resolve("directory.yaml.new");
        Files.writeString(aside, directory(3));
        // written two hours ago, so settled for longer than a poll interval
        Files.setLastModifiedTime(aside, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        awaitRounds(2, Duration.ofSeconds(30));
        assertThat(rounds).containsExactly(List.of("u-0", "u-1"), List.of("u-2"));
    }

    @Test
    void aFileBehindALinkIsPublishedWhenTheLinkIsSwappedAsAKubernetesConfigMapVolumeDoes() throws Exception {
        // directory.yaml -> ..data/directory.yaml, ..data -> ..v1; an update writes ..v2 and swaps ..data atomically
        Path v1 = Files.createDirectory(dir.resolve("..v1"));
        Files.writeString(v1.resolve("directory.yaml"), directory(1));
        Files.createSymbolicLink(dir.resolve("..data"), dir.relativize(v1));
        Path file = dir.resolve("directory.yaml");
        Files.createSymbolicLink(file, Path.of("..data", "directory.yaml"));
        source = start(file, Duration.ofHours(1));

        Path v2 = Files.createDirectory(dir.resolve("..v2"));
        Files.writeString(v2.resolve("directory.yaml"), directory(2));
        Files.setLastModifiedTime(v2.resolve("directory.yaml"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path swap = Files.createSymbolicLink(dir.resolve("..data_tmp"), dir.relativize(v2));
        Files.move(swap, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        awaitRounds(2, Duration.ofSeconds(30));
        assertThat(rounds).containsExactly(List.of("u-0"), List.of("u-1"));
    }

    @Test
    void aFileWrittenInPlaceIsReadOnlyOnceItHasStoppedChangingForAPollInterval() throws Exception {
        Path file = dir.resolve("directory.yaml");
        Files.writeString(file, directory(1));
        source = start(file, Duration.ofSeconds(2));

        // A slow writer: the file grows every 100 ms, each step a valid but partial directory.
        for (int users = 2; users <= 8; users++) {
            Files.writeString(file, directory(users));
            Thread.sleep(100);
        }

        awaitRounds(2, Duration.ofSeconds(30));
        Thread.sleep(500);
        assertThat(rounds).containsExactly(List.of("u-0"), List.of("u-1", "u-2", "u-3", "u-4", "u-5", "u-6", "u-7"));
    }

    @Test
    void onlyAFileThatExistsAndIsOlderThanThePollIntervalCountsAsSettledByItsTime() {
        Duration settle = Duration.ofMillis(250);
        long now = 1_700_000_000_500L;

        assertThat(new LocalDirectorySource.FileSignature(now - 300, 10, null).untouchedFor(settle, now)).isTrue();
        assertThat(new LocalDirectorySource.FileSignature(now - 200, 10, null).untouchedFor(settle, now)).isFalse();
        // a missing file is never settled by its time (it may be between a delete and a write)
        assertThat(new LocalDirectorySource.FileSignature(-1, -1, null).untouchedFor(settle, now)).isFalse();
        // a whole-second time may be rounded down by the file system: one second more
        assertThat(new LocalDirectorySource.FileSignature(1_700_000_000_000L, 10, null).untouchedFor(settle, now)).isFalse();
        assertThat(new LocalDirectorySource.FileSignature(1_700_000_000_000L, 10, null).untouchedFor(settle, now + 800)).isTrue();
    }

    private LocalDirectorySource start(Path file, Duration pollInterval) {
        DirectorySynchronizer synchronizer = new DirectorySynchronizer(new PublishedState(), sink, "local", Clock.systemUTC(),
                PublishListener.NONE);
        LocalDirectorySource started = new LocalDirectorySource(file, synchronizer, pollInterval, SourceListener.NONE);
        started.start();
        return started;
    }

    private void awaitRounds(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (rounds.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rounds).as("publish rounds").hasSizeGreaterThanOrEqualTo(count);
    }

    private static String directory(int users) {
        return "users:\n" + IntStream.range(0, users)
                .mapToObj(i -> "  - id: u-" + i + "\n    userPrincipalName: user" + i + "@contoso.example\n    accountEnabled: true\n")
                .collect(Collectors.joining());
    }
}

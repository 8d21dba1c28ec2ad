package io.scimflow.benchmarks.producer;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.scimflow.benchmarks.run.BenchmarkDirectory;
import io.scimflow.benchmarks.run.ProcessCpu;
import io.scimflow.producer.local.LocalDirectoryReader;
import io.scimflow.producer.local.LocalDirectoryWriter;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.publish.DirectoryDiffer;
import io.scimflow.producer.publish.EventRecords;
import io.scimflow.producer.publish.Projection;
import io.scimflow.producer.publish.PublishedState;
import io.scimflow.producer.publish.StateEvent;

/**
 * Times what the directory producer does between a local directory file appearing and its
 * first record going to Kafka, without Kafka: {@link LocalDirectoryReader#read},
 * {@link EventRecords#project}, {@link DirectoryDiffer#diff} against an empty published state
 * and the stamping of every record. The file is the benchmark's {@code flat} directory
 * ({@link BenchmarkDirectory#flat}), written once per size to a temporary file. Prints ms per
 * phase (elapsed, CPU of the process, GC) and the peak heap of each round. Not a test: run it
 * by hand with the producer's JVM flags (directory-producer/README.md, "Reading the local
 * directory (performance)").
 *
 * <p>Arguments: {@code [users,users,... [rounds]]}, default {@code 10000 5}.
 */
public final class LocalDirectoryReadTiming {

    private LocalDirectoryReadTiming() {
    }

    public static void main(String[] args) throws IOException {
        // The apps trust the event classes through the serdes, which this harness does not load.
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.scimflow.events.directory");
        List<Integer> sizes = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "10000").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getInputArguments()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        for (int users : sizes) {
            Path file = Files.createTempFile("scimflow-read-timing-" + users + "-", ".yaml");
            try {
                LocalDirectoryWriter.write(file, BenchmarkDirectory.flat(users).directory());
                System.out.printf(Locale.ROOT, "%n%,d users, file %,d bytes (%s)%n", users, Files.size(file), file);
                System.out.println("ms per phase: elapsed, process CPU, GC");
                System.out.println("round  read                project             diff                stamp               total               peak heap MiB");
                for (int round = 1; round <= rounds; round++) {
                    round(round, file);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void round(int round, Path file) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] read = new long[3];
        long[] project = new long[3];
        long[] diff = new long[3];
        long[] stamp = new long[3];
        long[] mark = start();
        Directory directory = LocalDirectoryReader.read(file);
        mark = lap(mark, read);
        Projection projection = EventRecords.project(directory);
        mark = lap(mark, project);
        List<StateEvent> events = DirectoryDiffer.diff(new PublishedState(), projection, Instant.now(), false);
        mark = lap(mark, diff);
        Instant now = Instant.now();
        List<StateEvent> stamped = new ArrayList<>(events.size());
        int i = 0;
        for (StateEvent event : events) {
            stamped.add(event.tombstone() ? event
                    : new StateEvent(event.topic(), event.key(), EventRecords.stamp(event.value(), "change-" + i++, now, "local")));
        }
        lap(mark, stamp);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%5d  %s  %s  %s  %s  %s  %6d   [%d users, %d records]%n",
                round, phase(read), phase(project), phase(diff), phase(stamp),
                phase(new long[] {read[0] + project[0] + diff[0] + stamp[0], read[1] + project[1] + diff[1] + stamp[1],
                    read[2] + project[2] + diff[2] + stamp[2]}),
                peak >> 20, directory.users().size(), stamped.size());
    }

    private static String phase(long[] times) {
        return String.format(Locale.ROOT, "%6d %6d %5d", times[0], times[2], times[1]);
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), gcMillis(), ProcessCpu.nanos()};
    }

    /** Stores the elapsed and GC ms since {@code mark} into {@code into}; returns a new mark. */
    private static long[] lap(long[] mark, long[] into) {
        long[] now = start();
        into[0] = (now[0] - mark[0]) / 1_000_000;
        into[1] = now[1] - mark[1];
        into[2] = (now[2] - mark[2]) / 1_000_000;
        return now;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}

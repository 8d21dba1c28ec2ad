package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's JIT compiler threads: the broker's, the target server's and the
 * harness's own code all compile here. Marked before and read after a measured interval, it
 * shows how much of that interval's CPU went to (re)compiling code.
 *
 * <p>Read from Linux's per-thread scheduler statistics ({@code /proc/self/task/<tid>/schedstat},
 * nanoseconds on a CPU) of the threads named {@code C1 CompilerThread…} and
 * {@code C2 CompilerThread…}. Until the eighth round the benchmark used the
 * {@code CompilationMXBean}'s total instead: elapsed time summed over the compiler threads,
 * which on a saturated 2-core machine counts the time a compiler thread waits for a core, and
 * reported 22 s of "compiling" for a sync whose harness used 29 CPU-s in all. A compiler thread
 * that the JVM retires during the interval (it starts and stops extra ones with the queue's
 * length) takes its share with it, so the figure is a lower bound.
 */
public final class HarnessCompiler {

    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<String, Long> nanosByThread;

    private HarnessCompiler(Map<String, Long> nanosByThread) {
        this.nanosByThread = nanosByThread;
    }

    /** The compiler threads' CPU so far, to compare a later reading with. */
    public static HarnessCompiler mark() {
        return new HarnessCompiler(read());
    }

    /**
     * Seconds of CPU the compiler threads used since this mark (threads started since count
     * from 0), or NaN where the JVM's threads cannot be read (not Linux).
     */
    public double cpuSecondsSince() {
        Map<String, Long> now = read();
        if (now == null || nanosByThread == null) {
            return Double.NaN;
        }
        long nanos = 0;
        for (Map.Entry<String, Long> thread : now.entrySet()) {
            nanos += Math.max(0, thread.getValue() - nanosByThread.getOrDefault(thread.getKey(), 0L));
        }
        return nanos / 1e9;
    }

    /** Nanoseconds on a CPU by compiler thread id, or null when {@code /proc} cannot be read. */
    private static Map<String, Long> read() {
        Map<String, Long> nanos = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                readThread(task, nanos);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return nanos;
    }

    private static void readThread(Path task, Map<String, Long> nanos) {
        try {
            if (!isCompiler(Files.readString(task.resolve("comm")).trim())) {
                return;
            }
            String schedstat = Files.readString(task.resolve("schedstat")).trim();
            int end = schedstat.indexOf(' ');
            nanos.put(task.getFileName().toString(), Long.parseLong(end < 0 ? schedstat : schedstat.substring(0, end)));
        } catch (IOException | NumberFormatException e) {
            // the thread ended between the listing and the read: it no longer counts
        }
    }

    /** Thread names are cut to 15 characters by Linux: {@code C2 CompilerThre}. */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }
}

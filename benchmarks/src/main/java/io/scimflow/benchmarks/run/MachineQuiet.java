package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until the whole machine is quiet (every process together, from {@code /proc/stat}),
 * so that a measurement does not start while JIT compilers, garbage collectors or exiting
 * JVMs of the previous step still use the CPU. Where {@code /proc/stat} cannot be read, it
 * returns at once.
 */
public final class MachineQuiet {

    /** CPU use of the whole machine under which it counts as quiet. */
    public static final double QUIET_CORES = 0.3;

    private MachineQuiet() {
    }

    /**
     * Waits until the machine used less than {@code cores} over a whole {@code window}, or until
     * {@code timeout}.
     *
     * @return seconds waited
     */
    public static double await(double cores, Duration window, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        CpuTicks before = CpuTicks.read();
        while (before != null && System.nanoTime() < deadline) {
            PipelineUnderTest.sleep(window.toMillis());
            CpuTicks now = CpuTicks.read();
            if (now == null || now.busyCoresSince(before) < cores) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** As {@link #await(double, Duration, Duration)} with {@link #QUIET_CORES} over 1 s, at most 30 s. */
    public static double await() {
        return await(QUIET_CORES, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The machine's busy and total CPU ticks (the first line of {@code /proc/stat}). */
    record CpuTicks(long busy, long total) {

        static CpuTicks read() {
            try {
                return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** {@code cpu user nice system idle iowait irq softirq steal ...}: idle and iowait are not busy. */
        static CpuTicks parse(String cpuLine) {
            String[] fields = cpuLine.trim().split("\\s+");
            if (!fields[0].equals("cpu")) {
                throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
            }
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new CpuTicks(total - idle, total);
        }

        /** Busy cores between {@code before} and this reading (ticks are per core: 2 busy cores count twice). */
        double busyCoresSince(CpuTicks before) {
            long total = this.total - before.total;
            if (total <= 0) {
                return 0;
            }
            return (double) (this.busy - before.busy) / total * Runtime.getRuntime().availableProcessors();
        }
    }
}

package io.scimflow.benchmarks.run;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole JVM (every thread, the GC's and the JIT's too): unlike elapsed time, it
 * hardly depends on other load on the machine.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used since this JVM started, or -1 when the JVM does not tell. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}

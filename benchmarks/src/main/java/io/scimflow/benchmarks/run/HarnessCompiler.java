package io.scimflow.benchmarks.run;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long this JVM's JIT compilers have worked so far: the broker's, the target server's and
 * the harness's own code all compile here. Read before and after a measured interval, it
 * shows how much of that interval went to (re)compiling code that the other phase of the run
 * had compiled for its own traffic. Elapsed time summed over the compiler threads, so on a
 * busy machine it is more than their CPU time.
 */
public final class HarnessCompiler {

    private HarnessCompiler() {
    }

    /** Seconds spent compiling since this JVM started, or NaN when the JVM does not measure it. */
    public static double seconds() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return Double.NaN;
        }
        return jit.getTotalCompilationTime() / 1000.0;
    }
}

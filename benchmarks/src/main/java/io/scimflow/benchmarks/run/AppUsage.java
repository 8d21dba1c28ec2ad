package io.scimflow.benchmarks.run;

/** CPU time used by one app during the measured part of a run, and its peak resident memory since it started. */
public record AppUsage(String app, double cpuSeconds, double peakMemoryMiB) {
}

package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average: a busy machine (other builds) makes every number of a run slower. */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1-minute load average from /proc/loadavg, or -1. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

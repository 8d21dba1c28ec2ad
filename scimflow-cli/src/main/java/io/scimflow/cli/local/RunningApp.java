package io.scimflow.cli.local;

/** One started instance of an app, in this JVM or in a child process. */
public interface RunningApp extends AutoCloseable {

    /** e.g. {@code scim-sink-2}. */
    String name();

    /** Stops it gracefully: consumers leave their groups, producers flush. */
    @Override
    void close();

    /** Stops it at once, as a crash would (a child process is killed; in-process apps can only be closed). */
    void kill();

    /** CPU time used so far in seconds, or -1 when not measurable (in-process). */
    default double cpuSeconds() {
        return -1;
    }

    /** Peak resident memory in MiB, or -1 when not measurable (in-process). */
    default double peakMemoryMiB() {
        return -1;
    }
}

package io.scimflow.cli.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app started in its own JVM with this JVM's classpath: so that a crash can be a real
 * kill, and so that the benchmarks can measure each app's CPU time and peak memory.
 */
final class ChildProcessApp implements RunningApp {

    private final String name;
    private final Process process;

    private ChildProcessApp(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ChildProcessApp start(PipelineApp app, String name, Map<String, String> properties, Path logFile, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(app.mainClass());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ChildProcessApp(name, process);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public double cpuSeconds() {
        return ProcStats.cpuSeconds(process.pid());
    }

    @Override
    public double peakMemoryMiB() {
        return ProcStats.peakMemoryMiB(process.pid());
    }

    static String separator() {
        return File.pathSeparator;
    }
}

package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for a run's directory file (tens of megabytes at 100,000 users),
 * removed with everything in it when the run closes it, so repeated runs do not fill the disk.
 */
public record ScratchDirectory(Path path) implements AutoCloseable {

    public static ScratchDirectory create() {
        try {
            return new ScratchDirectory(Files.createTempDirectory("scimflow-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory", e);
        }
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the directory and its files; a file that cannot be deleted is left and named on stderr. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteQuietly);
        } catch (IOException e) {
            System.err.println("Cannot list the scratch directory " + path + " to delete it: " + e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("Cannot delete " + file + ": " + e);
        }
    }
}

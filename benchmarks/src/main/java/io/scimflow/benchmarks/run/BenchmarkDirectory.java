package io.scimflow.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.scimflow.producer.local.LocalDirectoryWriter;
import io.scimflow.producer.local.SyntheticDirectory;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.Group;

/**
 * The synthetic directory of a run (the producer's generator: realistic scope mix, department
 * groups = Miro teams), written aside first and moved into place at once, so that the sync
 * starts at a known instant and not while a large file is being written.
 */
public final class BenchmarkDirectory {

    public static final long SEED = 20261128L;

    private final Directory directory;
    private final int users;

    private BenchmarkDirectory(Directory directory, int users) {
        this.directory = directory;
        this.users = users;
    }

    /** {@code users} users in {@code max(12, users / 500)} groups. */
    public static BenchmarkDirectory synthetic(int users) {
        return new BenchmarkDirectory(SyntheticDirectory.generate(users, groupsFor(users), SEED), users);
    }

    static int groupsFor(int users) {
        return Math.max(12, users / 500);
    }

    public Directory directory() {
        return directory;
    }

    public int users() {
        return users;
    }

    /** Display names of the groups: the teams that exist in "Miro" before the sync. */
    public List<String> groupNames() {
        return directory.groups().values().stream().map(Group::displayName).sorted().toList();
    }

    /** An empty directory: the pipeline starts on it and is idle before the benchmark's directory appears. */
    public static void writeEmpty(Path file) {
        LocalDirectoryWriter.write(file, Directory.EMPTY);
    }

    /** Writes the directory next to {@code file}; {@link #moveIntoPlace} makes it visible. */
    public Path writeAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".next");
        LocalDirectoryWriter.write(aside, directory);
        return aside;
    }

    public static void moveIntoPlace(Path aside, Path file) {
        try {
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + aside + " to " + file, e);
        }
    }
}

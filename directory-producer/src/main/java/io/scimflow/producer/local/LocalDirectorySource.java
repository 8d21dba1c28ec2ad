package io.scimflow.producer.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.publish.DirectorySource;
import io.scimflow.producer.publish.DirectorySynchronizer;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.SourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local directory: a YAML file that is the source of truth. The file is polled (its
 * modification time and size) and re-read once it has been stable for one poll, so an
 * editor's partial write is not read; an invalid file is reported with its line and the
 * last good directory stays published. Edits through {@link #edit} are written back to the
 * file atomically and published at once.
 */
public final class LocalDirectorySource implements DirectorySource {

    private static final Logger log = LoggerFactory.getLogger(LocalDirectorySource.class);

    private final Path file;
    private final DirectorySynchronizer synchronizer;
    private final Duration pollInterval;
    private final SourceListener listener;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-directory-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private Directory current;
    private FileSignature loaded;
    private FileSignature pending;
    private String lastError;

    public LocalDirectorySource(Path file, DirectorySynchronizer synchronizer, Duration pollInterval, SourceListener listener) {
        this.file = file.toAbsolutePath();
        this.synchronizer = synchronizer;
        this.pollInterval = pollInterval;
        this.listener = listener;
    }

    /** Creates {@code file} from the shipped sample directory when it does not exist. */
    public static void createFromSampleIfMissing(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream sample = LocalDirectorySource.class.getResourceAsStream("/sample-directory.yaml")) {
            if (sample == null) {
                throw new IllegalStateException("sample-directory.yaml is missing from the classpath");
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.copy(sample, file);
            log.info("Created the local directory {} from the sample directory", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the local directory " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and publishes the file once (the initial sync), then watches it. */
    @Override
    public void start() {
        synchronized (this) {
            long start = System.nanoTime();
            if (Files.exists(file)) {
                FileSignature signature = FileSignature.of(file);
                current = LocalDirectoryReader.read(file);
                loaded = signature;
            } else {
                log.warn("The local directory {} does not exist; starting with an empty directory", file);
                current = Directory.EMPTY;
            }
            log.info("Read the local directory {}: {} users, {} groups, {} memberships, {} app roles, {} assignments ({} ms)",
                    file, current.users().size(), current.groups().size(), current.memberships().size(),
                    current.appRoles().size(), current.grants().size(), (System.nanoTime() - start) / 1_000_000);
            synchronizer.publish(current);
            listener.polled();
        }
        long millis = Math.max(10, pollInterval.toMillis());
        watcher.scheduleWithFixedDelay(this::checkFile, millis, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void checkFile() {
        try {
            FileSignature now = FileSignature.of(file);
            if (Objects.equals(now, loaded)) {
                pending = null;
                if (lastError == null) {
                    listener.polled();
                }
                return;
            }
            if (!Objects.equals(now, pending)) {
                pending = now;
                return;
            }
            pending = null;
            Directory next;
            try {
                next = LocalDirectoryReader.read(file);
            } catch (LocalDirectoryException e) {
                loaded = now;
                lastError = e.getMessage();
                listener.pollFailed(e.getMessage());
                log.error("Ignoring the changed local directory (the last valid one stays published): {}", e.getMessage());
                return;
            }
            loaded = now;
            lastError = null;
            current = next;
            PublishResult result = synchronizer.publish(next);
            log.info("The local directory {} changed: {}", file, result);
        } catch (RuntimeException e) {
            log.error("Checking the local directory {} failed; retrying: {}", file, e.toString(), e);
        }
    }

    /** Applies an edit, writes the file and publishes the result; returns the new directory. */
    public synchronized Directory edit(Consumer<DirectoryBuilder> change) {
        DirectoryBuilder builder = current.toBuilder();
        change.accept(builder);
        Directory next = builder.build();
        LocalDirectoryWriter.write(file, next);
        loaded = FileSignature.of(file);
        current = next;
        synchronizer.publish(next);
        return next;
    }

    public synchronized Directory current() {
        return current;
    }

    /** The problem with the file as last read, or null when it was valid. */
    public synchronized String lastError() {
        return lastError;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized PublishResult fullResync() {
        Directory next = Files.exists(file) ? LocalDirectoryReader.read(file) : current;
        current = next;
        return synchronizer.republishAll(next);
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }

    /** What identifies one version of the file without reading it. */
    record FileSignature(long modifiedMillis, long size, Object fileKey) {

        static FileSignature of(Path path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileSignature(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
            } catch (NoSuchFileException e) {
                return new FileSignature(-1, -1, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

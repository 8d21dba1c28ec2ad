package io.scimflow.producer.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * The local directory: a YAML file that is the source of truth. Changes are noticed from
 * the file system's change events where it sends them, and by polling (modification time
 * and size) in any case. A changed file is read once it is settled, so that a partial write
 * is never read: when its modification time is at least one poll interval old (a file
 * moved into place whole), or else once it has stayed unchanged for one poll interval (a
 * file written in place). A file that changes while it is read is read again once it
 * settles. An invalid file is reported with its line and the last good directory stays
 * published. Edits through {@link #edit} are written back to the file atomically and
 * published at once.
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
    private long pendingSinceNanos;
    private long recheckAtNanos = System.nanoTime();
    private String lastError;
    private WatchService changeEvents;

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
        listenForChangeEvents();
    }

    /**
     * Checks the file at once whenever the file system reports a change in its folder, so a
     * file moved into place is published without waiting for the next poll. Where the file
     * system sends no events, polling alone notices changes.
     */
    private void listenForChangeEvents() {
        Path folder = file.getParent();
        try {
            WatchService events = file.getFileSystem().newWatchService();
            folder.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            synchronized (this) {
                changeEvents = events;
            }
            Thread thread = new Thread(() -> forwardChangeEvents(events), "local-directory-events");
            thread.setDaemon(true);
            thread.start();
        } catch (IOException | UnsupportedOperationException e) {
            log.info("No change events from the file system for {} ({}); noticing changes by polling every {}", folder, e, pollInterval);
        }
    }

    /**
     * Any change in the folder leads to a check (a cheap look at the file's time and size): the
     * file may be a link whose target was swapped (a Kubernetes ConfigMap volume), which sends
     * events for other names only.
     */
    private void forwardChangeEvents(WatchService events) {
        try {
            while (true) {
                WatchKey key = events.take();
                key.pollEvents();
                key.reset();
                watcher.execute(this::checkFile);
            }
        } catch (InterruptedException | ClosedWatchServiceException | RejectedExecutionException e) {
            // closed
        }
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
            if (!settled(now)) {
                return;
            }
            pending = null;
            Directory next = null;
            LocalDirectoryException invalid = null;
            try {
                next = LocalDirectoryReader.read(file);
            } catch (LocalDirectoryException e) {
                invalid = e;
            }
            FileSignature after = FileSignature.of(file);
            if (!after.equals(now)) {
                log.info("The local directory {} changed while it was read; reading it again once it settles", file);
                awaitSettling(after);
                return;
            }
            loaded = now;
            if (invalid != null) {
                lastError = invalid.getMessage();
                listener.pollFailed(invalid.getMessage());
                log.error("Ignoring the changed local directory (the last valid one stays published): {}", invalid.getMessage());
                return;
            }
            lastError = null;
            current = next;
            PublishResult result = synchronizer.publish(next);
            log.info("The local directory {} changed: {}", file, result);
        } catch (RuntimeException e) {
            log.error("Checking the local directory {} failed; retrying: {}", file, e.toString(), e);
        }
    }

    /**
     * Whether a changed file may be read now: it was last modified at least one poll interval
     * ago, or it has been seen unchanged for that long. Otherwise it is remembered and checked
     * again once that time is up.
     */
    private boolean settled(FileSignature now) {
        if (now.untouchedFor(pollInterval, System.currentTimeMillis())) {
            return true;
        }
        if (now.equals(pending)) {
            long waited = System.nanoTime() - pendingSinceNanos;
            if (waited >= pollInterval.toNanos()) {
                return true;
            }
            recheckIn(pollInterval.toNanos() - waited);
            return false;
        }
        awaitSettling(now);
        return false;
    }

    private void awaitSettling(FileSignature now) {
        pending = now;
        pendingSinceNanos = System.nanoTime();
        recheckIn(pollInterval.toNanos());
    }

    /**
     * Schedules a re-check unless one comes no later anyway (a file written in place sends
     * many change events); a re-check that finds the file still unsettled schedules the next.
     */
    private void recheckIn(long nanos) {
        long now = System.nanoTime();
        long at = now + nanos;
        if (recheckAtNanos - now > 0 && recheckAtNanos - at <= 0) {
            return;
        }
        try {
            watcher.schedule(this::checkFile, nanos, TimeUnit.NANOSECONDS);
            recheckAtNanos = at;
        } catch (RejectedExecutionException closing) {
            // closed
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
        WatchService events;
        synchronized (this) {
            events = changeEvents;
        }
        if (events != null) {
            try {
                events.close();
            } catch (IOException e) {
                log.debug("Closing the change events of {} failed: {}", file, e.toString());
            }
        }
    }

    /** What identifies one version of the file without reading it. */
    record FileSignature(long modifiedMillis, long size, Object fileKey) {

        /**
         * Whether the file exists and was last modified at least {@code settle} before
         * {@code nowMillis}. A time on a whole second may come from a file system that keeps
         * whole seconds only (rounded down), so it needs one second more.
         */
        boolean untouchedFor(Duration settle, long nowMillis) {
            if (size < 0) {
                return false;
            }
            long needed = settle.toMillis() + (modifiedMillis % 1000 == 0 ? 1000 : 0);
            return nowMillis - modifiedMillis >= needed;
        }

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

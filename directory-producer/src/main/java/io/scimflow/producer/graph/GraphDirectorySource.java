package io.scimflow.producer.graph;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimflow.producer.model.AppRoleGrant;
import io.scimflow.producer.model.Directory;
import io.scimflow.producer.model.DirectoryBuilder;
import io.scimflow.producer.publish.DirectorySource;
import io.scimflow.producer.publish.DirectorySynchronizer;
import io.scimflow.producer.publish.PublishResult;
import io.scimflow.producer.publish.SourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the directory from Microsoft Graph with delta queries, every poll interval:
 * {@code /users/delta} and {@code /groups/delta} (with {@code members}) from the stored
 * delta links, then the service principal's {@code appRoles} and {@code appRoleAssignedTo}
 * (re-read in full each poll: Graph has no delta for them), and publishes what changed.
 * The delta links are stored only after the round was published, so a crash repeats a
 * round rather than losing one.
 *
 * <p>Without stored links, or when Graph says they expired, it reads everything (a full
 * sync) into a fresh directory: objects the topics hold but Graph no longer returns are
 * then hard-deleted. After a restart with stored links, the directory is rebuilt from the
 * published topics and the poll resumes from the links, publishing only real changes.
 */
public final class GraphDirectorySource implements DirectorySource {

    private static final Logger log = LoggerFactory.getLogger(GraphDirectorySource.class);

    private final GraphSettings settings;
    private final GraphClient graph;
    private final DirectorySynchronizer synchronizer;
    private final SourceListener listener;
    private final Clock clock;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "graph-directory-poller");
        thread.setDaemon(true);
        return thread;
    });
    private DirectoryBuilder directory;
    private DeltaState state;
    private long changes;
    private boolean published;

    public GraphDirectorySource(GraphSettings settings, DirectorySynchronizer synchronizer, SourceListener listener, Clock clock) {
        this(settings, new GraphClient(settings, clock), synchronizer, listener, clock);
    }

    GraphDirectorySource(GraphSettings settings, GraphClient graph, DirectorySynchronizer synchronizer, SourceListener listener,
            Clock clock) {
        this.settings = settings;
        this.graph = graph;
        this.synchronizer = synchronizer;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void start() {
        resume();
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Loads the stored delta links and, when they are usable, the directory from the published topics. */
    synchronized void resume() {
        DeltaState stored = DeltaState.load(settings.stateFile());
        String unusable = stored.unusableBecause(settings);
        if (unusable == null && synchronizer.nothingPublished()) {
            unusable = "the topics hold nothing to rebuild the directory from";
        }
        if (unusable == null) {
            state = stored;
            directory = synchronizer.publishedDirectory().toBuilder();
            log.info("Resuming Microsoft Graph delta queries from {} (directory rebuilt from the topics: {} users, {} groups)",
                    settings.stateFile(), directory.users().size(), directory.groups().size());
        } else {
            state = DeltaState.NONE;
            log.info("No usable Graph delta links in {} ({}): starting with a full sync of tenant {}", settings.stateFile(), unusable,
                    settings.tenantId());
        }
    }

    private void pollSafely() {
        try {
            poll(false);
        } catch (RuntimeException e) {
            listener.pollFailed(e.getMessage());
            log.error("Polling Microsoft Graph failed; retrying in {}: {}", settings.pollInterval(), e.getMessage(), e);
        }
    }

    /** One poll: delta rounds, roles and assignments, publish, store the new links. */
    synchronized PublishResult poll(boolean fullResync) {
        boolean full = fullResync || !state.complete();
        changes = 0;
        DirectoryBuilder next;
        String usersLink;
        String groupsLink;
        try {
            next = full ? new DirectoryBuilder() : directory;
            usersLink = round("users", full ? initialUsersUrl() : state.usersDeltaLink(), next, GraphEntries::applyUser);
            groupsLink = round("groups", full ? initialGroupsUrl() : state.groupsDeltaLink(), next, GraphEntries::applyGroup);
        } catch (DeltaTokenExpiredException e) {
            log.warn("{}; reading the whole directory again", e.getMessage());
            next = new DirectoryBuilder();
            usersLink = round("users", initialUsersUrl(), next, GraphEntries::applyUser);
            groupsLink = round("groups", initialGroupsUrl(), next, GraphEntries::applyGroup);
            full = true;
        }
        List<io.scimflow.producer.model.AppRole> roles = GraphEntries.appRoles(graph.get(graph.url("/servicePrincipals/"
                + settings.servicePrincipalId() + "?$select=id,appRoles")));
        List<AppRoleGrant> grants = new ArrayList<>();
        graph.getAllPages(graph.url("/servicePrincipals/" + settings.servicePrincipalId() + "/appRoleAssignedTo"), page -> {
            for (JsonNode assignment : page.path("value")) {
                AppRoleGrant grant = GraphEntries.grant(assignment);
                if (grant != null) {
                    grants.add(grant);
                }
            }
        });
        boolean unchanged = !full && changes == 0 && published && synchronizer.initialSync().isDone()
                && List.copyOf(next.appRoles().values()).equals(roles) && next.grants().equals(new java.util.LinkedHashSet<>(grants));
        if (unchanged) {
            // Nothing new from Graph: skip projecting and diffing the whole directory.
            state = DeltaState.of(usersLink, groupsLink, settings);
            state.save(settings.stateFile());
            listener.polled();
            return new PublishResult(0, 0, 0, 0, next.users().size() + next.groups().size() + next.memberships().size(), 0);
        }
        next.replaceAppRoles(roles);
        next.replaceGrants(grants);
        Directory snapshot = next.build();
        published = false;
        PublishResult result = fullResync ? synchronizer.republishAll(snapshot) : synchronizer.publish(snapshot);
        published = true;
        directory = next;
        state = DeltaState.of(usersLink, groupsLink, settings);
        state.save(settings.stateFile());
        listener.polled();
        if (full) {
            log.info("Full sync of Microsoft Graph done: {} users, {} groups, {} memberships, {} app roles, {} assignments; {}",
                    snapshot.users().size(), snapshot.groups().size(), snapshot.memberships().size(),
                    snapshot.appRoles().size(), snapshot.grants().size(), result);
        }
        return result;
    }

    /** Reads one delta round (all pages) into {@code into}; returns the new delta link. */
    private String round(String what, String url, DirectoryBuilder into, EntryApplier applier) {
        long start = System.nanoTime();
        long[] counts = new long[2];
        long[] lastLog = {start};
        Instant now = clock.instant();
        JsonNode last = graph.getAllPages(url, page -> {
            counts[1]++;
            for (JsonNode entry : page.path("value")) {
                applier.apply(into, entry, now);
                counts[0]++;
                changes++;
            }
            if (System.nanoTime() - lastLog[0] > 5_000_000_000L) {
                lastLog[0] = System.nanoTime();
                log.info("Reading {} from Microsoft Graph: {} objects in {} pages ({} objects/s)", what, counts[0], counts[1],
                        counts[0] * 1_000_000_000L / Math.max(1, lastLog[0] - start));
            }
        });
        String deltaLink = last.path("@odata.deltaLink").asText(null);
        if (deltaLink == null) {
            throw new GraphException(200, null, "The " + what + " delta round ended without @odata.deltaLink");
        }
        if (counts[0] > 0) {
            log.info("Read {} {} changes from Microsoft Graph in {} pages ({} ms)", counts[0], what, counts[1],
                    (System.nanoTime() - start) / 1_000_000);
        }
        return deltaLink;
    }

    private String initialUsersUrl() {
        return graph.url("/users/delta?$select=" + select(settings.userAttributes(), List.of()));
    }

    private String initialGroupsUrl() {
        return graph.url("/groups/delta?$select=" + select(settings.groupAttributes(), List.of("members")));
    }

    private static String select(List<String> attributes, List<String> extra) {
        List<String> all = new ArrayList<>();
        all.add("id");
        attributes.stream().filter(a -> !a.equals("id")).forEach(all::add);
        extra.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return String.join(",", all);
    }

    /** Reads the whole directory again (fresh delta rounds) and re-publishes every object. */
    @Override
    public PublishResult fullResync() {
        return poll(true);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    @FunctionalInterface
    private interface EntryApplier {
        void apply(DirectoryBuilder directory, JsonNode entry, Instant now);
    }

}

package io.scimflow.sink.reconcile;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the first records: lists the target's users once (paged, largest page) when the
 * backlog is large enough (or always), so matching needs no request per user, and lists the
 * groups once. A failure here only costs the shortcut: the rules fall back to lookups.
 */
public final class TargetPrefetch {

    private static final Logger log = LoggerFactory.getLogger(TargetPrefetch.class);

    /** When to list the users. */
    public enum Mode {
        ON_START, LAG, NEVER;

        public static Mode fromConfig(String value) {
            return switch (value) {
                case "on-start" -> ON_START;
                case "lag" -> LAG;
                case "never" -> NEVER;
                default -> throw new IllegalArgumentException("expected on-start, lag or never: " + value);
            };
        }
    }

    private final Mode mode;
    private final long lagThreshold;
    private final UserSnapshot users;
    private final GroupDirectory groups;
    private final Supplier<TargetDirectory> target;

    public TargetPrefetch(Mode mode, long lagThreshold, UserSnapshot users, GroupDirectory groups, Supplier<TargetDirectory> target) {
        this.mode = mode;
        this.lagThreshold = lagThreshold;
        this.users = users;
        this.groups = groups;
        this.target = target;
    }

    /** @param backlog records waiting in this instance's partitions */
    public void beforeFirstRecords(long backlog) {
        boolean listUsers = mode == Mode.ON_START || (mode == Mode.LAG && backlog >= lagThreshold);
        try {
            if (listUsers) {
                long started = System.nanoTime();
                List<ObjectNode> listed = target.get().listUsers();
                users.load(listed);
                log.info("Listed {} target users in {} ms for a backlog of {} operations; matching by userName needs no request",
                        listed.size(), (System.nanoTime() - started) / 1_000_000, backlog);
            }
            if (!groups.isLoaded()) {
                groups.load(target.get().listGroups());
            }
        } catch (RuntimeException e) {
            log.warn("Could not list the target's users/groups before the sync ({}); matching falls back to lookups", e.toString());
        }
    }
}

package io.scimflow.cli.local;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scimflow.events.log.LogAction;
import io.scimflow.events.log.LogStatus;
import io.scimflow.events.log.ProvisioningLogEntry;

/**
 * Counts of provisioning log entries in the spirit of Entra's provisioning summary:
 * successful actions by kind, skipped with their reasons, dropped operations, failures.
 */
public final class ProvisioningSummary {

    private final Map<LogAction, Integer> succeeded = new EnumMap<>(LogAction.class);
    private final Map<String, Integer> skippedReasons = new TreeMap<>();
    private final Map<String, Integer> droppedReasons = new TreeMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private int skipped;
    private int dropped;
    private int failed;
    private int total;

    public static ProvisioningSummary of(List<ProvisioningLogEntry> entries) {
        ProvisioningSummary summary = new ProvisioningSummary();
        entries.forEach(summary::add);
        return summary;
    }

    public synchronized void add(ProvisioningLogEntry entry) {
        total++;
        String reason = entry.getStatusReason() == null ? "(no reason given)" : entry.getStatusReason();
        switch (entry.getStatus()) {
            case SUCCESS -> succeeded.merge(entry.getAction(), 1, Integer::sum);
            case SKIPPED -> {
                skipped++;
                skippedReasons.merge(reason, 1, Integer::sum);
            }
            case DROPPED -> {
                dropped++;
                droppedReasons.merge(reason, 1, Integer::sum);
            }
            default -> {
                failed++;
                String identity = entry.getSourceIdentity() != null ? entry.getSourceIdentity() : entry.getSourceId();
                failures.put(identity + " " + entry.getAction() + ": "
                        + (entry.getErrorCode() != null ? entry.getErrorCode() + " " : "") + reason, 1);
            }
        }
    }

    public synchronized int succeeded(LogAction action) {
        return succeeded.getOrDefault(action, 0);
    }

    public synchronized int count(LogStatus status) {
        return switch (status) {
            case SUCCESS -> succeeded.values().stream().mapToInt(Integer::intValue).sum();
            case SKIPPED -> skipped;
            case DROPPED -> dropped;
            case FAILURE -> failed;
        };
    }

    public synchronized int total() {
        return total;
    }

    /** One line for progress output. */
    public synchronized String oneLine() {
        return String.format("created %d, updated %d, disabled %d, deleted %d, skipped %d, dropped %d, failed %d",
                succeeded(LogAction.CREATE), succeeded(LogAction.UPDATE), succeeded(LogAction.DISABLE),
                succeeded(LogAction.DELETE) , skipped, dropped, failed);
    }

    /** The full summary block. */
    public synchronized String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  %-9s %6d%n", "Created", succeeded(LogAction.CREATE)));
        out.append(String.format("  %-9s %6d%n", "Updated", succeeded(LogAction.UPDATE)));
        out.append(String.format("  %-9s %6d%n", "Disabled", succeeded(LogAction.DISABLE)));
        out.append(String.format("  %-9s %6d%n", "Deleted", succeeded(LogAction.DELETE)));
        out.append(String.format("  %-9s %6d%n", "Other", succeeded(LogAction.OTHER)));
        out.append(String.format("  %-9s %6d%n", "Skipped", skipped));
        skippedReasons.forEach((reason, n) -> out.append(String.format("      %6d  %s%n", n, reason)));
        out.append(String.format("  %-9s %6d%n", "Dropped", dropped));
        droppedReasons.forEach((reason, n) -> out.append(String.format("      %6d  %s%n", n, reason)));
        out.append(String.format("  %-9s %6d%n", "Failed", failed));
        failures.keySet().stream().limit(20).forEach(f -> out.append("      ").append(f).append('\n'));
        if (failures.size() > 20) {
            out.append("      … and ").append(failures.size() - 20).append(" more (scimflow log --status FAILURE)\n");
        }
        return out.toString();
    }
}

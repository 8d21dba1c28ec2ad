package io.scimflow.cli.logs;

import java.time.Instant;
import java.util.Locale;

import io.scimflow.events.log.ProvisioningLogEntry;

/** Which provisioning log entries an operator wants to see; null fields match everything. */
public record LogFilter(String identity, String action, String status, Instant since) {

    public boolean matches(ProvisioningLogEntry entry) {
        if (identity != null) {
            String wanted = identity.toLowerCase(Locale.ROOT);
            boolean any = contains(entry.getSourceId(), wanted) || contains(entry.getSourceIdentity(), wanted)
                    || contains(entry.getTargetId(), wanted) || contains(entry.getTargetIdentity(), wanted);
            if (!any) {
                return false;
            }
        }
        if (action != null && !entry.getAction().name().equalsIgnoreCase(action)) {
            return false;
        }
        if (status != null && !entry.getStatus().name().equalsIgnoreCase(status)) {
            return false;
        }
        return since == null || !entry.getTimestamp().isBefore(since);
    }

    private static boolean contains(String value, String wanted) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
    }
}

package io.scimflow.cli.logs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.scimflow.events.log.LogStep;
import io.scimflow.events.log.ModifiedProperty;
import io.scimflow.events.log.ProvisioningLogEntry;

/** Renders provisioning log entries for a terminal: one line, or a block with steps and changes. */
public final class LogEntryFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private LogEntryFormat() {
    }

    public static String line(ProvisioningLogEntry e) {
        StringBuilder out = new StringBuilder();
        out.append(TIME.format(e.getTimestamp())).append("  ")
                .append(String.format("%-8s %-8s %-5s ", e.getStatus(), e.getAction(), e.getObjectType()))
                .append(e.getSourceIdentity() != null ? e.getSourceIdentity() : e.getSourceId());
        if (e.getTargetId() != null) {
            out.append(" -> ").append(e.getTargetId());
        }
        if (e.getStatusReason() != null) {
            out.append("  (").append(e.getStatusReason()).append(')');
        }
        if (e.getErrorCode() != null) {
            out.append("  [").append(e.getErrorCode()).append(e.getErrorReason() != null ? ": " + e.getErrorReason() : "").append(']');
        }
        out.append(String.format("  %d ms", e.getDurationMs()));
        return out.toString();
    }

    public static String details(ProvisioningLogEntry e) {
        StringBuilder out = new StringBuilder(line(e)).append('\n');
        out.append("    change ").append(e.getChangeId()).append(", operation ").append(e.getOperationId())
                .append(", run ").append(e.getRunId()).append(", requests ").append(e.getRequests()).append('\n');
        for (LogStep step : e.getSteps()) {
            out.append("    step ").append(step.getName()).append(' ').append(step.getStatus()).append(": ")
                    .append(step.getDescription()).append('\n');
        }
        for (ModifiedProperty property : e.getModifiedProperties()) {
            out.append("    ").append(property.getName()).append(": ").append(property.getOldValue())
                    .append(" -> ").append(property.getNewValue()).append('\n');
        }
        return out.toString();
    }
}

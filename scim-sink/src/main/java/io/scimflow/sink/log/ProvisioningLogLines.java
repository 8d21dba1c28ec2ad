package io.scimflow.sink.log;

import io.scimflow.events.log.ModifiedProperty;
import io.scimflow.events.log.ProvisioningLogEntry;

/** One readable line per provisioning log entry (the sink's log and the log printer). Stateless. */
public final class ProvisioningLogLines {

    private ProvisioningLogLines() {
    }

    /**
     * For example: {@code UPDATE SUCCESS user/42 (alice@corp.com) -> 3074 "Updated" modified=[displayName: 'A' -> 'B']
     * requests=2 duration=35ms run=... op=...}.
     */
    public static String format(ProvisioningLogEntry e) {
        StringBuilder line = new StringBuilder();
        line.append(e.getAction()).append(' ').append(e.getStatus()).append(' ')
                .append(e.getObjectType().name().toLowerCase(java.util.Locale.ROOT)).append('/').append(e.getSourceId());
        if (e.getSourceIdentity() != null) {
            line.append(" (").append(e.getSourceIdentity()).append(')');
        }
        if (e.getTargetId() != null) {
            line.append(" -> ").append(e.getTargetId());
        }
        if (e.getStatusReason() != null) {
            line.append(" \"").append(e.getStatusReason()).append('"');
        }
        if (!e.getModifiedProperties().isEmpty()) {
            line.append(" modified=[");
            boolean first = true;
            for (ModifiedProperty p : e.getModifiedProperties()) {
                line.append(first ? "" : ", ").append(p.getName()).append(": ").append(quote(p.getOldValue())).append(" -> ")
                        .append(quote(p.getNewValue()));
                first = false;
            }
            line.append(']');
        }
        if (e.getErrorCode() != null) {
            line.append(" error=").append(e.getErrorCode());
        }
        line.append(" requests=").append(e.getRequests()).append(" duration=").append(e.getDurationMs()).append("ms")
                .append(" run=").append(e.getRunId()).append(" op=").append(e.getOperationId());
        return line.toString();
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }
}

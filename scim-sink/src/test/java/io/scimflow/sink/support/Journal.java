package io.scimflow.sink.support;

import java.util.List;
import java.util.Set;

import io.scimflow.miroserver.LocalMiroScimServer;
import io.scimflow.miroserver.journal.JournalEntry;

/** Reads the local Miro server's request journal. */
public final class Journal {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private Journal() {
    }

    public static List<JournalEntry> writes(LocalMiroScimServer server) {
        return server.journal().stream().filter(e -> WRITES.contains(e.method())).toList();
    }

    public static List<JournalEntry> of(LocalMiroScimServer server, String endpoint) {
        return server.journal().stream().filter(e -> e.endpoint().equals(endpoint)).toList();
    }

    /** Requests as "METHOD endpoint-template", e.g. "PATCH /Users/{id}". */
    public static List<String> endpoints(LocalMiroScimServer server) {
        return server.journal().stream().map(JournalEntry::endpoint).toList();
    }

    /** Filter queries: GET /Users or /Groups with a filter parameter. */
    public static List<JournalEntry> lookups(LocalMiroScimServer server) {
        return server.journal().stream().filter(e -> e.method().equals("GET") && e.query() != null && e.query().contains("filter"))
                .toList();
    }
}

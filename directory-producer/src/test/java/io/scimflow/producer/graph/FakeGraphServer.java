package io.scimflow.producer.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Microsoft-Graph-compatible HTTP server on 127.0.0.1 (ephemeral port) for tests: the
 * client credentials token endpoint, {@code /v1.0/users/delta} and {@code /v1.0/groups/delta}
 * (paging through {@code @odata.nextLink}, delta links, {@code @removed} entries, group members
 * as {@code members@delta}, a big group split across pages), the service principal's
 * {@code appRoles} and paged {@code appRoleAssignedTo}. Tests change the tenant through its
 * methods, and can expire delta tokens (410 Gone or 400 {@code syncStateNotFound}), throttle
 * (429 with Retry-After) or fail (503) the next requests. Every request is recorded.
 */
public final class FakeGraphServer implements AutoCloseable {

    public static final String TENANT = "contoso-tenant";
    public static final String CLIENT_ID = "client-1";
    public static final String CLIENT_SECRET = "s3cret-value";
    public static final String SERVICE_PRINCIPAL = "sp-miro";

    public enum Expiry { GONE, SYNC_STATE_NOT_FOUND }

    private record Change(long seq, String kind, String id, String memberId) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    private final Set<String> softDeletedUsers = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    private final Set<String> softDeletedGroups = new LinkedHashSet<>();
    private final Map<String, LinkedHashMap<String, String>> members = new HashMap<>();
    private final List<Map<String, Object>> appRoles = new ArrayList<>();
    private final Map<String, Map<String, Object>> assignments = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> rounds = new HashMap<>();
    private final Map<String, Long> roundSeq = new HashMap<>();
    private final Map<String, String> managers = new HashMap<>();
    private final Map<String, String> formerManagers = new HashMap<>();
    private boolean managerSelected;
    private final Set<String> tokens = new LinkedHashSet<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private long seq;
    private long expiredBefore = -1;
    private Expiry expiry = Expiry.GONE;
    private int throttled;
    private int retryAfterSeconds;
    private int unavailable;
    private int pageSize = 2;

    public FakeGraphServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- the tenant ----

    public synchronized FakeGraphServer pageSize(int size) {
        pageSize = size;
        return this;
    }

    public synchronized FakeGraphServer putUser(String id, Map<String, Object> attributes) {
        users.put(id, new LinkedHashMap<>(attributes));
        softDeletedUsers.remove(id);
        log("user", id, null);
        return this;
    }

    /** Sets the user's manager; a delta selecting {@code manager} reports it as {@code manager@delta}. */
    public synchronized FakeGraphServer setManager(String userId, String managerId) {
        managers.put(userId, managerId);
        formerManagers.remove(userId);
        log("user", userId, null);
        return this;
    }

    /** Removes the user's manager; the next delta reports the former one with {@code @removed}. */
    public synchronized void removeManager(String userId) {
        String former = managers.remove(userId);
        if (former != null) {
            formerManagers.put(userId, former);
        }
        log("user", userId, null);
    }

    public synchronized void softDeleteUser(String id) {
        softDeletedUsers.add(id);
        log("user", id, null);
    }

    public synchronized void restoreUser(String id) {
        softDeletedUsers.remove(id);
        log("user", id, null);
    }

    public synchronized void hardDeleteUser(String id) {
        users.remove(id);
        softDeletedUsers.remove(id);
        log("user", id, null);
        members.forEach((groupId, m) -> {
            if (m.remove(id) != null) {
                log("member", groupId, id);
            }
        });
        assignments.values().removeIf(a -> a.get("principalId").equals(id));
    }

    public synchronized FakeGraphServer putGroup(String id, Map<String, Object> attributes) {
        groups.put(id, new LinkedHashMap<>(attributes));
        softDeletedGroups.remove(id);
        members.computeIfAbsent(id, g -> new LinkedHashMap<>());
        log("group", id, null);
        return this;
    }

    public synchronized void softDeleteGroup(String id) {
        softDeletedGroups.add(id);
        log("group", id, null);
    }

    public synchronized void hardDeleteGroup(String id) {
        groups.remove(id);
        softDeletedGroups.remove(id);
        members.remove(id);
        log("group", id, null);
        assignments.values().removeIf(a -> a.get("principalId").equals(id));
    }

    public synchronized FakeGraphServer addMember(String groupId, String memberId, boolean isGroup) {
        members.get(groupId).put(memberId, isGroup ? "#microsoft.graph.group" : "#microsoft.graph.user");
        log("member", groupId, memberId);
        return this;
    }

    public synchronized void removeMember(String groupId, String memberId) {
        members.get(groupId).remove(memberId);
        log("member", groupId, memberId);
    }

    public synchronized FakeGraphServer appRole(String id, String value, String displayName) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("id", id);
        role.put("value", value);
        role.put("displayName", displayName);
        role.put("isEnabled", true);
        role.put("allowedMemberTypes", List.of("User"));
        appRoles.add(role);
        return this;
    }

    /** Assigns a user or a group; returns the assignment id. */
    public synchronized String assign(String principalId, String principalType, String appRoleId) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("id", id);
        assignment.put("deletedDateTime", null);
        assignment.put("appRoleId", appRoleId);
        assignment.put("createdDateTime", "2026-11-28T10:00:00Z");
        assignment.put("principalDisplayName", principalId);
        assignment.put("principalId", principalId);
        assignment.put("principalType", principalType);
        assignment.put("resourceDisplayName", "Miro");
        assignment.put("resourceId", SERVICE_PRINCIPAL);
        assignments.put(id, assignment);
        return id;
    }

    public synchronized void unassign(String assignmentId) {
        assignments.remove(assignmentId);
    }

    /** Every delta token issued so far stops working. */
    public synchronized void expireDeltaTokens(Expiry how) {
        expiredBefore = seq + 1;
        expiry = how;
    }

    /** The next {@code count} Graph requests answer 429 with this Retry-After. */
    public synchronized void throttleNext(int count, int retryAfter) {
        throttled = count;
        retryAfterSeconds = retryAfter;
    }

    /** The next {@code count} Graph requests answer 503 without Retry-After. */
    public synchronized void failNext(int count) {
        unavailable = count;
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    private void log(String kind, String id, String memberId) {
        changes.add(new Change(++seq, kind, id, memberId));
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + URLDecoder.decode(query, StandardCharsets.UTF_8)));
            Answer answer;
            synchronized (this) {
                answer = answer(exchange, path, query == null ? Map.of() : params(query));
            }
            answer.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = json.writeValueAsBytes(answer.body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private record Answer(int status, Object body, Map<String, String> headers) {
        static Answer ok(Object body) {
            return new Answer(200, body, Map.of());
        }

        static Answer error(int status, String code, String message) {
            return new Answer(status, Map.of("error", Map.of("code", code, "message", message)), Map.of());
        }
    }

    private Answer answer(HttpExchange exchange, String path, Map<String, String> params) throws IOException {
        if (exchange.getRequestMethod().equals("POST") && path.equals("/" + TENANT + "/oauth2/v2.0/token")) {
            Map<String, String> form = params(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                    || !CLIENT_SECRET.equals(form.get("client_secret")) || !form.getOrDefault("scope", "").endsWith("/.default")) {
                return new Answer(401, Map.of("error", "invalid_client", "error_description", "AADSTS7000215: Invalid client secret provided."), Map.of());
            }
            String token = "token-" + UUID.randomUUID();
            tokens.add(token);
            return Answer.ok(Map.of("token_type", "Bearer", "expires_in", 3599, "access_token", token));
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            return Answer.error(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }
        if (throttled > 0) {
            throttled--;
            return new Answer(429, Map.of("error", Map.of("code", "TooManyRequests", "message", "Too many requests")),
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
        }
        if (unavailable > 0) {
            unavailable--;
            return Answer.error(503, "serviceNotAvailable", "Service unavailable");
        }
        switch (path) {
            case "/v1.0/users/delta" -> {
                return delta("users", params);
            }
            case "/v1.0/groups/delta" -> {
                return delta("groups", params);
            }
            case "/v1.0/servicePrincipals/" + SERVICE_PRINCIPAL -> {
                return Answer.ok(Map.of("id", SERVICE_PRINCIPAL, "appRoles", appRoles));
            }
            case "/v1.0/servicePrincipals/" + SERVICE_PRINCIPAL + "/appRoleAssignedTo" -> {
                List<Map<String, Object>> all = new ArrayList<>(assignments.values());
                int offset = Integer.parseInt(params.getOrDefault("$skiptoken", "0"));
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("value", all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size())));
                if (offset + pageSize < all.size()) {
                    page.put("@odata.nextLink", baseUrl() + path + "?$skiptoken=" + (offset + pageSize));
                }
                return Answer.ok(page);
            }
            default -> {
                return Answer.error(404, "Request_ResourceNotFound", "No resource at " + path);
            }
        }
    }

    private Answer delta(String what, Map<String, String> params) {
        String path = "/v1.0/" + what + "/delta";
        String round;
        int offset;
        if (params.containsKey("$skiptoken")) {
            String[] parts = params.get("$skiptoken").split(":");
            round = parts[0];
            offset = Integer.parseInt(parts[1]);
            if (!rounds.containsKey(round)) {
                return Answer.error(400, "syncStateNotFound", "Unknown skip token");
            }
        } else {
            long since = -1;
            if (params.containsKey("$deltatoken")) {
                since = Long.parseLong(params.get("$deltatoken"));
                if (since < expiredBefore) {
                    return expiry == Expiry.GONE
                            ? new Answer(410, Map.of("error", Map.of("code", "resyncRequired", "message", "Resync required.")),
                                    Map.of("Location", baseUrl() + path))
                            : Answer.error(400, "syncStateNotFound", "The sync state could not be found.");
                }
            } else if (!params.containsKey("$select")) {
                return Answer.error(400, "BadRequest", "test fixture: the first delta request must carry $select");
            }
            if (params.containsKey("$select") && what.equals("users")) {
                managerSelected = List.of(params.get("$select").split(",")).contains("manager");
            }
            round = UUID.randomUUID().toString();
            rounds.put(round, what.equals("users") ? userEntries(since) : groupEntries(since));
            roundSeq.put(round, seq);
            offset = 0;
        }
        List<Map<String, Object>> entries = rounds.get(round);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@odata.context", baseUrl() + "/v1.0/$metadata#" + what + "(...)");
        page.put("value", entries.subList(Math.min(offset, entries.size()), Math.min(offset + pageSize, entries.size())));
        if (offset + pageSize < entries.size()) {
            page.put("@odata.nextLink", baseUrl() + path + "?$skiptoken=" + round + ":" + (offset + pageSize));
        } else {
            page.put("@odata.deltaLink", baseUrl() + path + "?$deltatoken=" + roundSeq.get(round));
        }
        return Answer.ok(page);
    }

    private List<Map<String, Object>> userEntries(long since) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String id : changedIds("user", since, users.keySet())) {
            if (!users.containsKey(id)) {
                entries.add(removed(id, "deleted", null));
            } else if (softDeletedUsers.contains(id)) {
                if (since >= 0) {
                    entries.add(removed(id, "changed", null));
                }
            } else {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                entry.putAll(users.get(id));
                if (managerSelected && managers.containsKey(id)) {
                    entry.put("manager@delta", List.of(Map.of("@odata.type", "#microsoft.graph.user", "id", managers.get(id))));
                } else if (managerSelected && since >= 0 && formerManagers.containsKey(id)) {
                    entry.put("manager@delta", List.of(removed(formerManagers.get(id), "deleted", "#microsoft.graph.user")));
                }
                entries.add(entry);
            }
        }
        return entries;
    }

    private List<Map<String, Object>> groupEntries(long since) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String id : changedIds("group", since, groups.keySet())) {
            if (!groups.containsKey(id)) {
                entries.add(removed(id, "deleted", null));
                continue;
            }
            if (softDeletedGroups.contains(id)) {
                if (since >= 0) {
                    entries.add(removed(id, "changed", null));
                }
                continue;
            }
            List<Map<String, Object>> memberDelta = new ArrayList<>();
            Set<String> changedMembers = new LinkedHashSet<>();
            if (since < 0) {
                changedMembers.addAll(members.get(id).keySet());
            } else {
                changes.stream().filter(c -> c.seq > since && c.kind.equals("member") && c.id.equals(id))
                        .forEach(c -> changedMembers.add(c.memberId));
            }
            for (String memberId : changedMembers) {
                String type = members.get(id).get(memberId);
                memberDelta.add(type != null ? Map.of("@odata.type", type, "id", memberId)
                        : removed(memberId, "deleted", "#microsoft.graph.user"));
            }
            // Big groups come as several entries, each with a slice of the members (as Graph does).
            int slice = Math.max(1, pageSize);
            for (int from = 0; from == 0 || from < memberDelta.size(); from += slice) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                entry.putAll(groups.get(id));
                entry.put("members@delta", memberDelta.subList(from, Math.min(from + slice, memberDelta.size())));
                entries.add(entry);
            }
        }
        return entries;
    }

    private Set<String> changedIds(String kind, long since, Set<String> current) {
        Set<String> ids = new LinkedHashSet<>();
        if (since < 0) {
            ids.addAll(current);
            return ids;
        }
        for (Change change : changes) {
            if (change.seq > since && (change.kind.equals(kind) || kind.equals("group") && change.kind.equals("member"))) {
                ids.add(change.id);
            }
        }
        return ids;
    }

    private static Map<String, Object> removed(String id, String reason, String odataType) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (odataType != null) {
            entry.put("@odata.type", odataType);
        }
        entry.put("id", id);
        entry.put("@removed", Map.of("reason", reason));
        return entry;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

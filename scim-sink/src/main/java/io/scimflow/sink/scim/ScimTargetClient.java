package io.scimflow.sink.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import io.scimflow.sink.errors.ErrorClassifier;
import io.scimflow.sink.reconcile.AttributeChange;
import io.scimflow.sink.reconcile.CreateResult;
import io.scimflow.sink.reconcile.TargetDirectory;
import io.scimflow.sink.target.TargetCapabilities;

/**
 * {@link TargetDirectory} over HTTP for one operation: every request it sends is counted in the
 * operation's {@link RequestTally}. Cheap to create; shares the {@link ScimHttpClient}.
 */
public final class ScimTargetClient implements TargetDirectory {

    private final ScimHttpClient http;
    private final TargetCapabilities capabilities;
    private final PatchBodies patches;
    private final MemberBatches batches;
    private final RequestTally tally;

    public ScimTargetClient(ScimHttpClient http, TargetCapabilities capabilities, RequestTally tally) {
        this.http = http;
        this.capabilities = capabilities;
        this.patches = new PatchBodies(capabilities.patchStyle());
        this.batches = new MemberBatches(patches, capabilities.groupPatchMaxBytes(), capabilities.groupPatchMaxMembers());
        this.tally = tally;
    }

    @Override
    public Optional<ObjectNode> findUser(String attributePath, String value) {
        List<ObjectNode> found = resources(http.send("GET", "/Users?filter=" + encode(eq(attributePath, value)), null, tally));
        for (ObjectNode user : found) {
            if (!attributePath.equalsIgnoreCase("userName")) {
                return Optional.of(user);
            }
            String userName = user.path("userName").asText();
            // A case-exact server may still return near matches (e.g. with "co"); keep exact or case-folded equals.
            if (userName.equals(value) || (capabilities.caseInsensitiveUserName() && userName.equalsIgnoreCase(value))) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ObjectNode> getUser(String id) {
        return getOrEmpty("/Users/" + encodePath(id));
    }

    @Override
    public CreateResult createUser(ObjectNode resource) {
        return create("/Users", resource);
    }

    @Override
    public void patchUser(String id, List<AttributeChange> changes) {
        http.send("PATCH", "/Users/" + encodePath(id), patches.attributes(changes), tally);
    }

    @Override
    public boolean deleteUser(String id) {
        return delete("/Users/" + encodePath(id));
    }

    @Override
    public List<ObjectNode> listUsers() {
        return listAll("/Users", "");
    }

    @Override
    public List<ObjectNode> listGroups() {
        return listAll("/Groups", "&excludedAttributes=members");
    }

    @Override
    public Optional<ObjectNode> findGroupByDisplayName(String displayName) {
        List<ObjectNode> found = resources(http.send("GET", "/Groups?excludedAttributes=members&filter="
                + encode(eq("displayName", displayName)), null, tally));
        return found.stream().filter(g -> g.path("displayName").asText().equalsIgnoreCase(displayName)).findFirst();
    }

    @Override
    public Optional<ObjectNode> getGroup(String id) {
        return getOrEmpty("/Groups/" + encodePath(id));
    }

    @Override
    public CreateResult createGroup(ObjectNode resource) {
        return create("/Groups", resource);
    }

    @Override
    public void patchGroup(String id, List<AttributeChange> changes) {
        http.send("PATCH", "/Groups/" + encodePath(id), patches.attributes(changes), tally);
    }

    @Override
    public int changeMembers(String groupId, List<String> addIds, List<String> removeIds) {
        List<ObjectNode> bodies = batches.split(addIds, removeIds);
        for (ObjectNode body : bodies) {
            http.send("PATCH", "/Groups/" + encodePath(groupId), body, tally);
        }
        return bodies.size();
    }

    @Override
    public boolean deleteGroup(String id) {
        return delete("/Groups/" + encodePath(id));
    }

    private CreateResult create(String path, ObjectNode resource) {
        try {
            ScimResponse response = http.send("POST", path, resource, tally);
            if (response.body() instanceof ObjectNode created && created.hasNonNull("id")) {
                return CreateResult.created(created);
            }
            throw new ScimTransportException("POST " + path + " answered " + response.status() + " without a resource id", null);
        } catch (ScimCallException e) {
            if (ErrorClassifier.meansAlreadyExists(e)) {
                return CreateResult.alreadyExists(e.status() + " " + e.detail(), e);
            }
            throw e;
        }
    }

    private Optional<ObjectNode> getOrEmpty(String path) {
        try {
            JsonNode body = http.send("GET", path, null, tally).body();
            return body instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (ScimCallException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean delete(String path) {
        try {
            http.send("DELETE", path, null, tally);
            return true;
        } catch (ScimCallException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private List<ObjectNode> listAll(String path, String extra) {
        List<ObjectNode> all = new ArrayList<>();
        int pageSize = capabilities.maxPageSize();
        int startIndex = 1;
        while (true) {
            JsonNode page = http.send("GET", path + "?startIndex=" + startIndex + "&count=" + pageSize + extra, null, tally).body();
            List<ObjectNode> resources = resources(page);
            all.addAll(resources);
            int total = page == null ? 0 : page.path("totalResults").asInt(0);
            if (resources.isEmpty() || all.size() >= total) {
                return all;
            }
            startIndex += resources.size();
        }
    }

    private static List<ObjectNode> resources(ScimResponse response) {
        return resources(response.body());
    }

    private static List<ObjectNode> resources(JsonNode list) {
        List<ObjectNode> result = new ArrayList<>();
        if (list == null) {
            return result;
        }
        JsonNode resources = list.get("Resources");
        if (resources == null) {
            resources = list.get("resources");
        }
        if (resources != null) {
            resources.forEach(r -> {
                if (r instanceof ObjectNode o) {
                    result.add(o);
                }
            });
        }
        return result;
    }

    static String eq(String attributePath, String value) {
        try {
            return Filter.eq(attributePath, value).toString();
        } catch (BadRequestException e) {
            throw new IllegalArgumentException("not a filterable attribute path: " + attributePath, e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String segment) {
        return encode(segment);
    }
}

package io.scimflow.cli.ondemand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.sink.reconcile.AttributeChange;
import io.scimflow.sink.reconcile.CreateResult;
import io.scimflow.sink.reconcile.TargetDirectory;

/**
 * The sink's target client, with every SCIM request the rules make written down (what was
 * asked, with its body, and what came back) so that provision on demand can show them.
 * Single-threaded, like one operation in the sink.
 */
final class RecordingTarget implements TargetDirectory {

    private final TargetDirectory target;
    private final List<String> requests = new ArrayList<>();

    RecordingTarget(TargetDirectory target) {
        this.target = target;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Optional<ObjectNode> findUser(String attributePath, String value) {
        Optional<ObjectNode> found = call("GET /Users?filter=" + attributePath + " eq \"" + value + "\"", () -> target.findUser(attributePath, value));
        note(found.map(u -> "found user " + u.path("id").asText()).orElse("no match"));
        return found;
    }

    @Override
    public Optional<ObjectNode> getUser(String id) {
        Optional<ObjectNode> found = call("GET /Users/" + id, () -> target.getUser(id));
        note(found.map(u -> "200 " + u.path("userName").asText() + (u.path("active").asBoolean(true) ? "" : " (inactive)")).orElse("404 not found"));
        return found;
    }

    @Override
    public CreateResult createUser(ObjectNode resource) {
        CreateResult result = call("POST /Users " + resource, () -> target.createUser(resource));
        note(result.alreadyExists() ? "already exists: " + result.conflictDetail() : "201 created id " + result.created().path("id").asText());
        return result;
    }

    @Override
    public void patchUser(String id, List<AttributeChange> changes) {
        call("PATCH /Users/" + id + " " + describe(changes), () -> {
            target.patchUser(id, changes);
            return null;
        });
        note("200");
    }

    @Override
    public boolean deleteUser(String id) {
        boolean deleted = call("DELETE /Users/" + id, () -> target.deleteUser(id));
        note(deleted ? "204 deleted" : "404 already gone");
        return deleted;
    }

    @Override
    public List<ObjectNode> listUsers() {
        List<ObjectNode> users = call("GET /Users (all pages)", target::listUsers);
        note(users.size() + " user(s)");
        return users;
    }

    @Override
    public List<ObjectNode> listGroups() {
        List<ObjectNode> groups = call("GET /Groups?attributes=id,displayName (all pages)", target::listGroups);
        note(groups.size() + " group(s)");
        return groups;
    }

    @Override
    public Optional<ObjectNode> findGroupByDisplayName(String displayName) {
        Optional<ObjectNode> found = call("GET /Groups?filter=displayName eq \"" + displayName + "\"",
                () -> target.findGroupByDisplayName(displayName));
        note(found.map(g -> "found group " + g.path("id").asText()).orElse("no match"));
        return found;
    }

    @Override
    public Optional<ObjectNode> getGroup(String id) {
        Optional<ObjectNode> found = call("GET /Groups/" + id, () -> target.getGroup(id));
        note(found.map(g -> "200 " + g.path("displayName").asText() + ", " + g.path("members").size() + " member(s)").orElse("404 not found"));
        return found;
    }

    @Override
    public CreateResult createGroup(ObjectNode resource) {
        CreateResult result = call("POST /Groups " + resource, () -> target.createGroup(resource));
        note(result.alreadyExists() ? "already exists: " + result.conflictDetail() : "201 created id " + result.created().path("id").asText());
        return result;
    }

    @Override
    public void patchGroup(String id, List<AttributeChange> changes) {
        call("PATCH /Groups/" + id + " " + describe(changes), () -> {
            target.patchGroup(id, changes);
            return null;
        });
        note("200");
    }

    @Override
    public int changeMembers(String groupId, List<String> addIds, List<String> removeIds) {
        int patches = call("PATCH /Groups/" + groupId + " members add " + addIds + " remove " + removeIds,
                () -> target.changeMembers(groupId, addIds, removeIds));
        note(patches + " PATCH request(s)");
        return patches;
    }

    @Override
    public boolean deleteGroup(String id) {
        boolean deleted = call("DELETE /Groups/" + id, () -> target.deleteGroup(id));
        note(deleted ? "204 deleted" : "404 already gone");
        return deleted;
    }

    private <T> T call(String request, Supplier<T> send) {
        requests.add(request);
        try {
            return send.get();
        } catch (RuntimeException e) {
            note("FAILED: " + e.getMessage());
            throw e;
        }
    }

    private void note(String answer) {
        int last = requests.size() - 1;
        requests.set(last, requests.get(last) + "  ->  " + answer);
    }

    private static String describe(List<AttributeChange> changes) {
        List<String> parts = new ArrayList<>();
        for (AttributeChange change : changes) {
            parts.add(change.isRemoval() ? "remove " + change.path() : change.path() + "=" + change.newValue());
        }
        return parts.toString();
    }
}

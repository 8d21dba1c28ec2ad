package io.scimflow.sink.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A target kept in maps, recording each call, for the rules' unit tests (the HTTP edge has its own tests). */
final class InMemoryTarget implements TargetDirectory {

    final Map<String, ObjectNode> users = new LinkedHashMap<>();
    final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    final Map<String, Set<String>> members = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private int next = 1000;

    String addUser(String userName, boolean active) {
        String id = Integer.toString(next++);
        ObjectNode user = JsonNodeFactory.instance.objectNode().put("id", id).put("userName", userName).put("active", active);
        user.putArray("groups");
        users.put(id, user);
        return id;
    }

    String addGroup(String name) {
        String id = Integer.toString(next++);
        groups.put(id, JsonNodeFactory.instance.objectNode().put("id", id).put("displayName", name));
        members.put(id, new HashSet<>());
        return id;
    }

    List<String> writes() {
        return calls.stream().filter(c -> c.startsWith("create") || c.startsWith("patch") || c.startsWith("delete")
                || c.startsWith("changeMembers")).toList();
    }

    @Override
    public Optional<ObjectNode> findUser(String attributePath, String value) {
        calls.add("findUser " + attributePath + "=" + value);
        return users.values().stream().filter(u -> u.path(attributePath).asText().equalsIgnoreCase(value)).findFirst().map(ObjectNode::deepCopy);
    }

    @Override
    public Optional<ObjectNode> getUser(String id) {
        calls.add("getUser " + id);
        return Optional.ofNullable(users.get(id)).map(ObjectNode::deepCopy);
    }

    @Override
    public CreateResult createUser(ObjectNode resource) {
        calls.add("createUser " + resource);
        String userName = resource.path("userName").asText();
        if (users.values().stream().anyMatch(u -> u.path("userName").asText().equalsIgnoreCase(userName))) {
            return CreateResult.alreadyExists("409 exists", null);
        }
        String id = Integer.toString(next++);
        ObjectNode created = resource.deepCopy().put("id", id);
        created.putArray("groups");
        users.put(id, created);
        return CreateResult.created(created.deepCopy());
    }

    @Override
    public void patchUser(String id, List<AttributeChange> changes) {
        calls.add("patchUser " + id + " " + changes.stream().map(AttributeChange::path).toList());
        for (AttributeChange change : changes) {
            ResourcePaths.write(users.get(id), change.path(), change.newValue());
        }
    }

    @Override
    public boolean deleteUser(String id) {
        calls.add("deleteUser " + id);
        return users.remove(id) != null;
    }

    @Override
    public List<ObjectNode> listUsers() {
        calls.add("listUsers");
        return users.values().stream().map(ObjectNode::deepCopy).toList();
    }

    @Override
    public List<ObjectNode> listGroups() {
        calls.add("listGroups");
        return groups.values().stream().map(ObjectNode::deepCopy).toList();
    }

    @Override
    public Optional<ObjectNode> findGroupByDisplayName(String displayName) {
        calls.add("findGroup " + displayName);
        return groups.values().stream().filter(g -> g.path("displayName").asText().equals(displayName)).findFirst();
    }

    @Override
    public Optional<ObjectNode> getGroup(String id) {
        calls.add("getGroup " + id);
        ObjectNode group = groups.get(id);
        if (group == null) {
            return Optional.empty();
        }
        ObjectNode copy = group.deepCopy();
        members.get(id).forEach(m -> copy.withArray("members").addObject().put("value", m));
        return Optional.of(copy);
    }

    @Override
    public CreateResult createGroup(ObjectNode resource) {
        calls.add("createGroup " + resource.path("displayName").asText());
        String id = addGroup(resource.path("displayName").asText());
        return CreateResult.created(groups.get(id).deepCopy());
    }

    @Override
    public void patchGroup(String id, List<AttributeChange> changes) {
        calls.add("patchGroup " + id);
    }

    @Override
    public int changeMembers(String groupId, List<String> addIds, List<String> removeIds) {
        calls.add("changeMembers " + groupId + " +" + addIds + " -" + removeIds);
        members.get(groupId).addAll(addIds);
        removeIds.forEach(members.get(groupId)::remove);
        for (String id : addIds) {
            users.get(id).withArray("groups").addObject().put("value", groupId);
        }
        return 1;
    }

    @Override
    public boolean deleteGroup(String id) {
        calls.add("deleteGroup " + id);
        return groups.remove(id) != null;
    }
}

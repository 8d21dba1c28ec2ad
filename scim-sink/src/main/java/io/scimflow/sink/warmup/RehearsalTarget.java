package io.scimflow.sink.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.sink.reconcile.AttributeChange;
import io.scimflow.sink.reconcile.CreateResult;
import io.scimflow.sink.reconcile.TargetDirectory;

/**
 * An empty SCIM target in memory, for a rehearsal: creates what it is asked to, finds users by
 * {@code userName}, takes patches. Each request body is written to JSON bytes and each answer
 * read from them, with the HTTP client's own mapper, as a real exchange would. No network.
 */
final class RehearsalTarget implements TargetDirectory {

    private final ObjectMapper json;
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> idsByUserName = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    RehearsalTarget(ObjectMapper json) {
        this.json = json;
    }

    /** Matches on {@code userName} only (what the made-up operations match on); any other attribute finds nothing. */
    @Override
    public Optional<ObjectNode> findUser(String attributePath, String value) {
        if (!attributePath.equals("userName")) {
            return Optional.empty();
        }
        return Optional.ofNullable(idsByUserName.get(value)).map(users::get).map(this::answer);
    }

    @Override
    public Optional<ObjectNode> getUser(String id) {
        return Optional.ofNullable(users.get(id)).map(this::answer);
    }

    @Override
    public CreateResult createUser(ObjectNode resource) {
        ObjectNode created = answer(resource);
        String id = "warm-up-" + ids.incrementAndGet();
        created.put("id", id);
        users.put(id, created);
        idsByUserName.put(created.path("userName").asText(), id);
        return CreateResult.created(answer(created));
    }

    @Override
    public void patchUser(String id, List<AttributeChange> changes) {
        ObjectNode body = json.createObjectNode();
        for (AttributeChange change : changes) {
            body.set(change.path(), change.newValue());
        }
        answer(body);
    }

    @Override
    public boolean deleteUser(String id) {
        ObjectNode removed = users.remove(id);
        if (removed == null) {
            return false;
        }
        idsByUserName.remove(removed.path("userName").asText());
        return true;
    }

    @Override
    public List<ObjectNode> listUsers() {
        return new ArrayList<>();
    }

    @Override
    public List<ObjectNode> listGroups() {
        return new ArrayList<>();
    }

    @Override
    public Optional<ObjectNode> findGroupByDisplayName(String displayName) {
        return Optional.empty();
    }

    @Override
    public Optional<ObjectNode> getGroup(String id) {
        return Optional.empty();
    }

    @Override
    public CreateResult createGroup(ObjectNode resource) {
        ObjectNode created = answer(resource);
        created.put("id", "warm-up-group-" + ids.incrementAndGet());
        return CreateResult.created(created);
    }

    @Override
    public void patchGroup(String id, List<AttributeChange> changes) {
    }

    @Override
    public int changeMembers(String groupId, List<String> addIds, List<String> removeIds) {
        return 0;
    }

    @Override
    public boolean deleteGroup(String id) {
        return false;
    }

    /** The resource as it comes back from a server: written to bytes and read again. */
    private ObjectNode answer(ObjectNode resource) {
        try {
            return (ObjectNode) json.readTree(json.writeValueAsBytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

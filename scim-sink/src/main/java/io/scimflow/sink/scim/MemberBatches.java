package io.scimflow.sink.scim;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Splits member changes into PATCH bodies that each stay below a byte limit (Miro's cheap rate
 * bucket is below 500 bytes) and a member count. Additions and removals go in separate bodies
 * (Miro applies a removal only when every listed member can be removed). Stateless.
 */
public final class MemberBatches {

    private final PatchBodies bodies;
    private final int maxBytes;
    private final int maxMembers;

    /**
     * @param maxBytes each body stays below this size; 0 for no byte limit
     * @param maxMembers at most this many members per body
     */
    public MemberBatches(PatchBodies bodies, int maxBytes, int maxMembers) {
        this.bodies = bodies;
        this.maxBytes = maxBytes;
        this.maxMembers = maxMembers;
    }

    public List<ObjectNode> split(List<String> addIds, List<String> removeIds) {
        List<ObjectNode> result = new ArrayList<>();
        result.addAll(pack(addIds, true));
        result.addAll(pack(removeIds, false));
        return result;
    }

    private List<ObjectNode> pack(List<String> ids, boolean add) {
        List<ObjectNode> result = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        ObjectNode body = null;
        for (String id : ids) {
            batch.add(id);
            ObjectNode candidate = render(batch, add);
            boolean fits = batch.size() <= maxMembers && (maxBytes <= 0 || bodies.sizeOf(candidate) < maxBytes);
            if (fits) {
                body = candidate;
                continue;
            }
            batch.remove(batch.size() - 1);
            if (batch.isEmpty()) {
                // One member alone is over the limit: send it anyway (it costs the expensive bucket).
                result.add(candidate);
                continue;
            }
            result.add(body);
            batch = new ArrayList<>(List.of(id));
            body = render(batch, add);
        }
        if (!batch.isEmpty()) {
            result.add(body);
        }
        return result;
    }

    private ObjectNode render(List<String> batch, boolean add) {
        return add ? bodies.members(batch, List.of()) : bodies.members(List.of(), batch);
    }
}

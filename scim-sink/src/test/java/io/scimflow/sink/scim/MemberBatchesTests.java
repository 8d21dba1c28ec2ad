package io.scimflow.sink.scim;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimflow.sink.target.PatchStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberBatchesTests {

    private final PatchBodies bodies = new PatchBodies(PatchStyle.RFC7644);

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("30744573456182580" + String.format("%02d", i));
        }
        return ids;
    }

    @Test
    void keepsEveryBodyBelowTheByteLimitAndLosesNoMember() {
        List<String> add = ids(40);
        List<String> remove = ids(13);
        List<ObjectNode> batches = new MemberBatches(bodies, 500, 100).split(add, remove);
        assertThat(batches).allSatisfy(b -> assertThat(bodies.sizeOf(b)).isLessThan(500));
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (ObjectNode body : batches) {
            body.get("Operations").forEach(op -> {
                if (op.get("op").asText().equals("add")) {
                    op.get("value").forEach(v -> added.add(v.get("value").asText()));
                } else {
                    String path = op.get("path").asText();
                    removed.add(path.substring(path.indexOf('"') + 1, path.lastIndexOf('"')));
                }
            });
        }
        assertThat(added).containsExactlyElementsOf(add);
        assertThat(removed).containsExactlyElementsOf(remove);
        assertThat(batches.size()).isGreaterThan(4);
    }

    @Test
    void withoutAByteLimitOnlyTheMemberCountSplits() {
        List<ObjectNode> batches = new MemberBatches(bodies, 0, 100).split(ids(99).subList(0, 99), List.of());
        assertThat(batches).hasSize(1);
        assertThat(new MemberBatches(bodies, 0, 10).split(ids(25), List.of())).hasSize(3);
    }
}

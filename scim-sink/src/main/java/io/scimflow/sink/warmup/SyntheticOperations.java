package io.scimflow.sink.warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.scimflow.events.ObjectType;
import io.scimflow.events.operations.ApplyOn;
import io.scimflow.events.operations.MappedAttribute;
import io.scimflow.events.operations.MatchingAttribute;
import io.scimflow.events.operations.OperationAction;
import io.scimflow.events.operations.ProvisioningOperation;

/**
 * Made-up user operations shaped like the worker's for Miro's mappings, for a rehearsal:
 * operation {@code 2k} creates user {@code k}, operation {@code 2k + 1} changes its display
 * name (an update). Ids start with {@code warm-up-}.
 */
final class SyntheticOperations {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

    private SyntheticOperations() {
    }

    static ProvisioningOperation user(int i) {
        int k = i / 2;
        boolean update = i % 2 == 1;
        String userName = "warm.up." + k + "@example.com";
        List<MappedAttribute> attributes = new ArrayList<>();
        attributes.add(attribute("userName", userName));
        attributes.add(attribute("active", Boolean.TRUE));
        attributes.add(attribute("displayName", (update ? "Warm Üp (renamed) " : "Warm Üp ") + k));
        attributes.add(attribute("name.givenName", "Warm" + k));
        attributes.add(attribute("name.familyName", "Üp-" + k));
        attributes.add(attribute("preferredLanguage", "en_US"));
        attributes.add(attribute(ENTERPRISE + "department", "Department " + (k % 7)));
        attributes.add(attribute(ENTERPRISE + "employeeNumber", String.valueOf(100000 + k)));
        attributes.add(attribute(ENTERPRISE + "organization", "Example"));
        attributes.add(attribute("roles[primary eq \"True\"].value", "ORGANIZATION_INTERNAL_USER"));
        attributes.add(attribute("roles[primary eq \"True\"].type", "organization_user_role"));
        return ProvisioningOperation.newBuilder()
                .setOperationId("warm-up-operation-" + i)
                .setChangeId("warm-up-change-" + i)
                .setObjectType(ObjectType.USER)
                .setSourceId("warm-up-user-" + k)
                .setSourceDisplayName(userName)
                .setAction(OperationAction.UPSERT_USER)
                .setMatchingAttributes(List.of(MatchingAttribute.newBuilder().setPath("userName").setValue(userName).build()))
                .setAttributes(attributes)
                .setSourceChangedAt(START.plusSeconds(i))
                .setEmittedAt(START.plusSeconds(i))
                .build();
    }

    private static MappedAttribute attribute(String path, Object value) {
        return MappedAttribute.newBuilder().setPath(path).setValue(value).setJsonValue(null).setApplyOn(ApplyOn.ALWAYS)
                .setSensitive(false).build();
    }
}

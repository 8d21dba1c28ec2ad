package io.scimflow.producer.local;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.scimflow.producer.model.AppRole;

/** App roles by id, value and display name, as assignments in the local format name them. */
final class AppRoleReferences {

    private final Map<String, String> byRef = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    AppRoleReferences() {
        add(AppRole.DEFAULT_ACCESS);
    }

    void add(AppRole role) {
        byRef.put(role.id(), role.id());
        for (String ref : new String[] {role.value(), role.displayName()}) {
            if (ref != null) {
                String previous = byRef.put(ref, role.id());
                if (previous != null && !previous.equals(role.id())) {
                    ambiguous.add(ref);
                }
            }
        }
    }

    /** Several roles have this value or display name. */
    boolean ambiguous(String ref) {
        return ambiguous.contains(ref);
    }

    /** The id of the role this reference names, or null. */
    String id(String ref) {
        return byRef.get(ref);
    }
}

package io.scimflow.producer.assignment;

import java.util.Comparator;

/**
 * One effective assignment of a user or a group to the application: the role it grants and,
 * for a user, the assigned group it comes through ({@code null} when assigned directly).
 */
public record EffectiveAssignment(
        String appRoleId, String appRoleValue, String appRoleDisplayName, String viaGroupId, String viaGroupDisplayName) {

    /** Direct assignments first, then by group id, then by role id: one stable order for equal inputs. */
    public static final Comparator<EffectiveAssignment> ORDER = Comparator
            .comparing(EffectiveAssignment::viaGroupId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EffectiveAssignment::appRoleId);

    public boolean direct() {
        return viaGroupId == null;
    }
}

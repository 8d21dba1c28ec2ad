package io.scimflow.producer.model;

import java.util.Objects;

/** A direct membership: {@code memberId} is a direct member of {@code groupId}. */
public record Membership(String groupId, String memberId, MemberType memberType) {

    public Membership {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        memberType = memberType == null ? MemberType.USER : memberType;
    }
}

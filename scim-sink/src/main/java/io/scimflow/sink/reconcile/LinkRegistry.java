package io.scimflow.sink.reconcile;

import java.util.Optional;

import io.scimflow.events.ObjectType;

/**
 * The durable source id to target id links (Entra's object connections). A link marks the
 * target object as managed by the pipeline. A change is visible to {@link #find} at once; it
 * is durable once {@link #flush} returned.
 */
public interface LinkRegistry {

    Optional<Link> find(ObjectType type, String sourceId);

    void link(ObjectType type, String sourceId, String targetId, String targetIdentity);

    /**
     * Forgets the link (the object was deleted); implementations keep the object's
     * {@link AppliedMark} so that a replay of its older operations does not re-create it.
     */
    void unlink(ObjectType type, String sourceId);

    /** The newest operation applied to this object (linked or deleted by the sink), if any. */
    default Optional<AppliedMark> lastApplied(ObjectType type, String sourceId) {
        return Optional.empty();
    }

    /**
     * Ends one operation on this object (also when it failed): raises the object's mark when the
     * operation was applied ({@code applied} null when it was not, or has no mark; objects with
     * neither a link nor a kept mark get none), and writes the link changes the operation made.
     * Cheap: implementations may write asynchronously; {@link #flush} makes everything durable.
     */
    default void settle(ObjectType type, String sourceId, AppliedMark applied) {
    }

    /** Makes every link and mark written so far durable (called before offsets are committed); throws when one is not. */
    default void flush() {
    }

    /**
     * The replay guard of one object: the {@code sourceChangedAt} of the newest applied operation
     * on the object itself, and (groups) of the newest applied membership operation; null when none.
     */
    record AppliedMark(java.time.Instant objectChangedAt, java.time.Instant membershipChangedAt) {

        /** Component-wise maximum: a mark only ever moves forward. */
        public AppliedMark max(AppliedMark other) {
            if (other == null) {
                return this;
            }
            return new AppliedMark(later(objectChangedAt, other.objectChangedAt), later(membershipChangedAt, other.membershipChangedAt));
        }

        private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }
    }

    /** A link as the rules use it. */
    record Link(String targetId, String targetIdentity) {
    }
}

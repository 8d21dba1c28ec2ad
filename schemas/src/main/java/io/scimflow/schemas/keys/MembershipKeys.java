package io.scimflow.schemas.keys;

/**
 * Keys of {@code directory.memberships}: {@code <groupId>|<memberId>}, one compacted fact
 * per pair. {@link MembershipPartitioner} places every fact of a group on the same
 * partition so that they keep their order.
 */
public final class MembershipKeys {

    public static final char SEPARATOR = '|';

    private MembershipKeys() {
    }

    public static String of(String groupId, String memberId) {
        return groupId + SEPARATOR + memberId;
    }

    public static String groupIdOf(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? key : key.substring(0, at);
    }

    public static String memberIdOf(String key) {
        int at = key.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("Not a membership key: " + key);
        }
        return key.substring(at + 1);
    }
}

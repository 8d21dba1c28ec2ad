package io.scimflow.schemas.keys;

import io.scimflow.events.ObjectType;

/**
 * Keys of the operations, links and provisioning log topics: {@code user/<sourceId>} or
 * {@code group/<sourceId>}. One object's records share a key, hence a partition, hence an order.
 */
public final class OperationKeys {

    private OperationKeys() {
    }

    public static String of(ObjectType type, String sourceId) {
        return switch (type) {
            case USER -> "user/" + sourceId;
            case GROUP -> "group/" + sourceId;
            default -> throw new IllegalArgumentException("No key for object type " + type);
        };
    }

    public static String user(String sourceId) {
        return "user/" + sourceId;
    }

    public static String group(String sourceId) {
        return "group/" + sourceId;
    }

    public static ObjectType typeOf(String key) {
        if (key.startsWith("user/")) {
            return ObjectType.USER;
        }
        if (key.startsWith("group/")) {
            return ObjectType.GROUP;
        }
        throw new IllegalArgumentException("Not an operation key: " + key);
    }

    public static String sourceIdOf(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not an operation key: " + key);
        }
        return key.substring(slash + 1);
    }
}

package io.scimflow.sink.target;

/** Splits SCIM attribute paths into their parts, without any JSON. */
public final class ScimPathNames {

    private ScimPathNames() {
    }

    /**
     * The top-level attribute a path names: {@code name.givenName} gives {@code name},
     * {@code emails[type eq "work"].value} gives {@code emails}, and an extension path
     * {@code urn:...:enterprise:2.0:User:manager} gives {@code manager}.
     */
    public static String topLevelAttribute(String path) {
        String rest = withoutSchema(path);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return rest.substring(0, end);
    }

    /** The schema URN prefix of an extension path, or null for a core attribute path. */
    public static String schemaOf(String path) {
        if (!path.regionMatches(true, 0, "urn:", 0, 4)) {
            return null;
        }
        int colon = lastSchemaColon(path);
        return colon < 0 ? null : path.substring(0, colon);
    }

    /** The path without its schema URN prefix. */
    public static String withoutSchema(String path) {
        if (!path.regionMatches(true, 0, "urn:", 0, 4)) {
            return path;
        }
        int colon = lastSchemaColon(path);
        return colon < 0 ? path : path.substring(colon + 1);
    }

    // The attribute part never contains ':' but may contain '.' and '[...]' (which may hold ':' in
    // quoted values), so the schema ends at the last ':' before the first '['.
    private static int lastSchemaColon(String path) {
        int bracket = path.indexOf('[');
        String head = bracket < 0 ? path : path.substring(0, bracket);
        return head.lastIndexOf(':');
    }
}

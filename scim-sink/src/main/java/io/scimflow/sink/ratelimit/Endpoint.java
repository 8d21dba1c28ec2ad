package io.scimflow.sink.ratelimit;

/**
 * A SCIM endpoint as rate limits count it, with Miro's budget per 30-second window
 * (reference miro-scim.md section 4).
 */
public enum Endpoint {

    GET_USERS("GET /Users", 200),
    GET_USER("GET /Users/{id}", 200),
    POST_USERS("POST /Users", 200),
    PUT_USER("PUT /Users/{id}", 100),
    PATCH_USER("PATCH /Users/{id}", 100),
    DELETE_USER("DELETE /Users/{id}", 20),
    GET_GROUPS("GET /Groups", 5),
    GET_GROUP("GET /Groups/{id}", 20),
    POST_GROUPS("POST /Groups", 20),
    /** A group PATCH whose body is below 500 bytes (Miro's cheap bucket). */
    PATCH_GROUP_SMALL("PATCH /Groups/{id} (<500 bytes)", 100),
    /** A group PATCH of 500 bytes or more. */
    PATCH_GROUP_LARGE("PATCH /Groups/{id} (>=500 bytes)", 5),
    DELETE_GROUP("DELETE /Groups/{id}", 20),
    /** Discovery and anything else; not limited by default. */
    OTHER("other", 0);

    private final String label;
    private final int miroLimit;

    Endpoint(String label, int miroLimit) {
        this.label = label;
        this.miroLimit = miroLimit;
    }

    public String label() {
        return label;
    }

    /** Requests per window Miro allows; 0 means unlimited. */
    public int miroLimit() {
        return miroLimit;
    }

    /**
     * Classifies a request.
     *
     * @param method HTTP method
     * @param resourcePath path below the base URL, e.g. {@code /Users/123}
     * @param bodyBytes size of the request body (0 for none)
     */
    public static Endpoint of(String method, String resourcePath, int bodyBytes) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String[] parts = path.split("/");
        boolean single = parts.length > 1 && !parts[1].isEmpty();
        if (parts[0].equalsIgnoreCase("Users")) {
            return switch (method) {
                case "GET" -> single ? GET_USER : GET_USERS;
                case "POST" -> POST_USERS;
                case "PUT" -> PUT_USER;
                case "PATCH" -> PATCH_USER;
                case "DELETE" -> DELETE_USER;
                default -> OTHER;
            };
        }
        if (parts[0].equalsIgnoreCase("Groups")) {
            return switch (method) {
                case "GET" -> single ? GET_GROUP : GET_GROUPS;
                case "POST" -> POST_GROUPS;
                case "PATCH" -> bodyBytes < 500 ? PATCH_GROUP_SMALL : PATCH_GROUP_LARGE;
                case "DELETE" -> DELETE_GROUP;
                default -> OTHER;
            };
        }
        return OTHER;
    }
}

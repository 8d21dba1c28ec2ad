package io.scimflow.sink.target;

/** How PATCH request bodies are shaped. */
public enum PatchStyle {

    /**
     * RFC 7644: lowercase {@code op}, JSON booleans, member removal with a
     * {@code members[value eq "id"]} path (what Entra sends with {@code aadOptscim062020}).
     */
    RFC7644,

    /**
     * Entra's legacy shapes for servers built against them: capitalised {@code op}
     * ({@code Replace}), booleans as the strings {@code "True"}/{@code "False"}, member removal as
     * {@code {"op":"Remove","path":"members","value":[{"value":"id"}]}}.
     */
    ENTRA_LEGACY
}

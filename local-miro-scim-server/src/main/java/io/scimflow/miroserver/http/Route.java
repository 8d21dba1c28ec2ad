package io.scimflow.miroserver.http;

import java.util.Locale;

/**
 * Where a request goes: the resource kind, the id if any, and the endpoint template used by
 * the journal and the counters ({@code "PATCH /Groups/{id}"}).
 *
 * @param resource USERS, GROUPS, SERVICE_PROVIDER_CONFIG, RESOURCE_TYPES, SCHEMAS or UNKNOWN
 * @param id the id after the collection, or null
 * @param endpoint method and path template
 */
record Route(Resource resource, String id, String endpoint) {

	enum Resource {

		USERS("/Users"), GROUPS("/Groups"), SERVICE_PROVIDER_CONFIG("/ServiceProviderConfig"),
		RESOURCE_TYPES("/ResourceTypes"), SCHEMAS("/Schemas"), UNKNOWN("");

		private final String path;

		Resource(String path) {
			this.path = path;
		}

	}

	static final String BASE_PATH = "/api/v1/scim";

	/** Resolves a raw request path; the base path and a trailing slash are optional, names case-insensitive. */
	static Route resolve(String method, String rawPath) {
		String path = rawPath;
		if (path.regionMatches(true, 0, BASE_PATH, 0, BASE_PATH.length())) {
			path = path.substring(BASE_PATH.length());
		}
		else {
			return new Route(Resource.UNKNOWN, null, "OTHER");
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String[] parts = path.isEmpty() ? new String[0] : path.substring(1).split("/", 2);
		if (parts.length == 0) {
			return new Route(Resource.UNKNOWN, null, "OTHER");
		}
		for (Resource resource : Resource.values()) {
			if (resource != Resource.UNKNOWN && resource.path.substring(1).equalsIgnoreCase(parts[0])) {
				String id = (parts.length > 1 && !parts[1].isEmpty()) ? parts[1] : null;
				String template = method.toUpperCase(Locale.ROOT) + " " + resource.path + ((id != null) ? "/{id}" : "");
				return new Route(resource, id, template);
			}
		}
		return new Route(Resource.UNKNOWN, null, "OTHER");
	}

}

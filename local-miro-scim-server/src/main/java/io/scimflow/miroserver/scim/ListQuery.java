package io.scimflow.miroserver.scim;

import java.util.Map;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;

/**
 * The query parameters of a SCIM list or get: {@code filter}, {@code startIndex} (1-based),
 * {@code count}, {@code sortBy}, {@code sortOrder}, {@code attributes} and
 * {@code excludedAttributes}.
 *
 * @param filter parsed filter (attribute names without case), or null for none
 * @param startIndex 1-based index of the first result
 * @param count page size, already clamped to the server's maximum; 0 asks for totals only
 * @param sortBy attribute path to sort on, or null
 * @param descending true for {@code sortOrder=descending}
 * @param projection the attributes to return
 */
public record ListQuery(CaseInsensitiveFilter filter, int startIndex, int count, String sortBy, boolean descending,
		Projection projection) {

	/** Parses the query parameters (names case-insensitive, already URL-decoded). */
	public static ListQuery parse(Map<String, String> params, int defaultCount, int maxCount) {
		Filter parsed = parseFilter(params.get("filter"));
		CaseInsensitiveFilter filter = (parsed != null) ? CaseInsensitiveFilter.of(parsed) : null;
		int startIndex = Math.max(1, parseInt(params, "startindex", 1));
		int count = parseInt(params, "count", defaultCount);
		count = Math.max(0, Math.min(count, maxCount));
		String sortBy = blankToNull(params.get("sortby"));
		boolean descending = "descending".equalsIgnoreCase(params.get("sortorder"));
		return new ListQuery(filter, startIndex, count, sortBy, descending, Projection.of(params));
	}

	public static Filter parseFilter(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Filter.fromString(text);
		}
		catch (ScimException ex) {
			throw ScimError.badRequest("invalidFilter", "Invalid filter '" + text + "': " + ex.getMessage());
		}
	}

	private static int parseInt(Map<String, String> params, String key, int fallback) {
		String value = params.get(key);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw ScimError.badRequest("invalidValue", "Query parameter " + key + " must be an integer: " + value);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}

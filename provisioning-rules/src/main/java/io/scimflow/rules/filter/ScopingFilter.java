package io.scimflow.rules.filter;

import java.util.List;

/**
 * The scoping filters of one object type: the filters (groups) are ORed, the clauses
 * inside each are ANDed. No filter at all means every object passes. Immutable.
 *
 * @param groups the scoping filters
 */
public record ScopingFilter(List<FilterGroup> groups) {

	/** A filter that lets everything pass. */
	public static final ScopingFilter NONE = new ScopingFilter(List.of());

	public ScopingFilter {
		groups = (groups != null) ? List.copyOf(groups) : List.of();
	}

	/** True when no scoping filter is configured. */
	public boolean isEmpty() {
		return this.groups.isEmpty();
	}

}

package io.scimflow.rules.filter;

import java.util.List;

/**
 * One scoping filter: its clauses are ANDed. Immutable.
 *
 * @param name the filter's name (shown in scope reasons)
 * @param clauses the clauses, all of which must hold
 */
public record FilterGroup(String name, List<FilterClause> clauses) {

	public FilterGroup {
		name = (name != null) ? name : "filter";
		clauses = (clauses != null) ? List.copyOf(clauses) : List.of();
	}

}

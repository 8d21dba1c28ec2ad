package io.scimflow.miroserver.scim;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;

/**
 * SCIM attribute names are case-insensitive (RFC 7644 3.4.2.2, and Miro says so), but the
 * SDK's {@link FilterEvaluator} matches JSON field names exactly. This lower-cases the
 * attribute paths of a filter once, and the field names of each resource it evaluates, then
 * lets the SDK do the rest. Values still compare without case, as the SDK does by default.
 */
public final class CaseInsensitiveFilter {

	private final Filter filter;

	private CaseInsensitiveFilter(Filter filter) {
		this.filter = filter;
	}

	public static CaseInsensitiveFilter of(Filter filter) {
		return new CaseInsensitiveFilter(lower(filter));
	}

	/** The filter with lower-cased attribute paths. */
	public Filter filter() {
		return this.filter;
	}

	public boolean matches(JsonNode resource) {
		return matchesLowered(lowerKeys(resource));
	}

	/** Evaluates against a resource whose field names are already lower case (see {@link #lowerKeys}). */
	public boolean matchesLowered(JsonNode loweredResource) {
		try {
			return FilterEvaluator.evaluate(this.filter, loweredResource);
		}
		catch (ScimException ex) {
			throw ScimError.from(ex);
		}
	}

	/** True if the filter compares this core top-level attribute (given in lower case). */
	public boolean mentions(String lowerCaseAttribute) {
		return mentions(this.filter, lowerCaseAttribute);
	}

	private static boolean mentions(Filter filter, String attribute) {
		if (filter.isCombiningFilter()) {
			return filter.getCombinedFilters().stream().anyMatch((f) -> mentions(f, attribute));
		}
		if (filter.isNotFilter()) {
			return mentions(filter.getInvertedFilter(), attribute);
		}
		Path path = filter.getAttributePath();
		String schema = path.getSchemaUrn();
		return (schema == null || schema.equals(ScimJson.lower(ScimJson.USER_SCHEMA))
				|| schema.equals(ScimJson.lower(ScimJson.GROUP_SCHEMA)))
				&& path.size() > 0 && path.getElement(0).getAttribute().equals(attribute);
	}

	static Filter lower(Filter filter) {
		Path path = filter.isCombiningFilter() || filter.isNotFilter() ? null : lower(filter.getAttributePath());
		return switch (filter.getFilterType()) {
			case AND -> Filter.and(lowerAll(filter.getCombinedFilters()));
			case OR -> Filter.or(lowerAll(filter.getCombinedFilters()));
			case NOT -> Filter.not(lower(filter.getInvertedFilter()));
			case COMPLEX_VALUE -> Filter.hasComplexValue(path, lower(filter.getValueFilter()));
			case PRESENT -> Filter.pr(path);
			case EQUAL -> Filter.eq(path, filter.getComparisonValue());
			case NOT_EQUAL -> Filter.ne(path, filter.getComparisonValue());
			case CONTAINS -> Filter.co(path, filter.getComparisonValue());
			case STARTS_WITH -> Filter.sw(path, filter.getComparisonValue());
			case ENDS_WITH -> Filter.ew(path, filter.getComparisonValue());
			case GREATER_THAN -> Filter.gt(path, filter.getComparisonValue());
			case GREATER_OR_EQUAL -> Filter.ge(path, filter.getComparisonValue());
			case LESS_THAN -> Filter.lt(path, filter.getComparisonValue());
			case LESS_OR_EQUAL -> Filter.le(path, filter.getComparisonValue());
		};
	}

	private static List<Filter> lowerAll(List<Filter> filters) {
		List<Filter> lowered = new ArrayList<>();
		for (Filter filter : filters) {
			lowered.add(lower(filter));
		}
		return lowered;
	}

	private static Path lower(Path path) {
		Path lowered = (path.getSchemaUrn() == null) ? Path.root() : Path.root(ScimJson.lower(path.getSchemaUrn()));
		for (Path.Element element : path) {
			Filter valueFilter = element.getValueFilter();
			lowered = (valueFilter == null) ? lowered.attribute(ScimJson.lower(element.getAttribute()))
					: lowered.attribute(ScimJson.lower(element.getAttribute()), lower(valueFilter));
		}
		return lowered;
	}

	/** A copy of {@code node} with every field name in lower case. */
	public static JsonNode lowerKeys(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode out = ScimJson.object();
			object.fields().forEachRemaining((f) -> out.set(ScimJson.lower(f.getKey()), lowerKeys(f.getValue())));
			return out;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode out = ScimJson.array();
			array.forEach((element) -> out.add(lowerKeys(element)));
			return out;
		}
		return node;
	}

}

package io.scimflow.rules.mapping;

import java.util.List;

/**
 * The result of applying an object type's mappings to one object. Immutable.
 *
 * @param matching the matching attributes that have a value, in precedence order
 * @param attributes the mapped attributes (nulls left out)
 * @param references the references by source id
 * @param skipped the target paths left out, with why (null value, IgnoreFlowIfNullOrEmpty)
 */
public record MappedObject(List<MatchingValue> matching, List<MappedValue> attributes, List<ReferenceValue> references,
		List<String> skipped) {

	public MappedObject {
		matching = List.copyOf(matching);
		attributes = List.copyOf(attributes);
		references = List.copyOf(references);
		skipped = List.copyOf(skipped);
	}

}

package io.scimflow.rules.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.scimflow.rules.filter.ScopingFilter;
import io.scimflow.rules.source.ObjectType;

/**
 * Everything configured for one object type: whether it is provisioned, its target object
 * actions, its scoping filter and its attribute mappings. Immutable.
 *
 * @param objectType users or groups
 * @param enabled false when this object type is not provisioned (Entra: groups mapping off)
 * @param actions create / update / delete
 * @param scopingFilter the scoping filters
 * @param mappings the attribute mappings
 */
public record ObjectMapping(ObjectType objectType, boolean enabled, ObjectActions actions,
		ScopingFilter scopingFilter, List<AttributeMapping> mappings) {

	public ObjectMapping {
		Objects.requireNonNull(objectType, "objectType");
		actions = (actions != null) ? actions : ObjectActions.ALL;
		scopingFilter = (scopingFilter != null) ? scopingFilter : ScopingFilter.NONE;
		mappings = (mappings != null) ? List.copyOf(mappings) : List.of();
	}

	/** A disabled mapping for the object type. */
	public static ObjectMapping disabled(ObjectType type) {
		return new ObjectMapping(type, false, new ObjectActions(false, false, false), ScopingFilter.NONE, List.of());
	}

	/** The matching mappings, lowest precedence number first. */
	public List<AttributeMapping> matchingMappings() {
		return this.mappings.stream()
			.filter(AttributeMapping::isMatching)
			.sorted(Comparator.comparingInt(AttributeMapping::matchingPrecedence))
			.toList();
	}

}

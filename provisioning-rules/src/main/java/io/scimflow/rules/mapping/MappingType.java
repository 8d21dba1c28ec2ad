package io.scimflow.rules.mapping;

/** Entra's mapping types, plus references (manager) which Entra maps as Direct. */
public enum MappingType {

	/** Copy a source attribute. */
	DIRECT,
	/** A fixed string. */
	CONSTANT,
	/** A function expression. */
	EXPRESSION,
	/** No source: only the default value, on create. */
	NONE,
	/** A reference to another source object by its source id (e.g. the manager). */
	REFERENCE

}

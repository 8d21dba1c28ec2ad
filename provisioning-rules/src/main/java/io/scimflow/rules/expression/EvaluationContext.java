package io.scimflow.rules.expression;

import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What an expression can read: source attributes (case-insensitive names, including the
 * computed {@code IsSoftDeleted} and {@code appRoleAssignments}), the clock and random
 * source behind Now/Guid/RandomString, and the tenant's default domain. Implementations
 * used by the rules are immutable apart from the random source.
 */
public interface EvaluationContext {

	/** The attribute's value or null when absent. */
	Object attribute(String name);

	/** The clock behind {@code Now()}. */
	Clock clock();

	/** The random source behind {@code Guid()} and {@code RandomString()}. */
	RandomGenerator random();

	/** The tenant's default verified domain, for {@code DefaultDomain()}. */
	Optional<String> defaultDomain();

}

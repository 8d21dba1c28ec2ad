package io.scimflow.rules.expression;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * An {@link EvaluationContext} over a map of attributes (names case-insensitive).
 */
public final class MapEvaluationContext implements EvaluationContext {

	private final Map<String, Object> attributes;

	private final Clock clock;

	private final RandomGenerator random;

	private final String defaultDomain;

	public MapEvaluationContext(Map<String, ?> attributes, Clock clock, RandomGenerator random, String defaultDomain) {
		this.attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (attributes != null) {
			attributes.forEach((k, v) -> {
				if (v != null) {
					this.attributes.put(k, v);
				}
			});
		}
		this.clock = (clock != null) ? clock : Clock.systemUTC();
		this.random = (random != null) ? random : new SecureRandom();
		this.defaultDomain = defaultDomain;
	}

	/** A context over the attributes with the system clock and a secure random source. */
	public static MapEvaluationContext of(Map<String, ?> attributes) {
		return new MapEvaluationContext(attributes, null, null, null);
	}

	@Override
	public Object attribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public Clock clock() {
		return this.clock;
	}

	@Override
	public RandomGenerator random() {
		return this.random;
	}

	@Override
	public Optional<String> defaultDomain() {
		return Optional.ofNullable(this.defaultDomain);
	}

}

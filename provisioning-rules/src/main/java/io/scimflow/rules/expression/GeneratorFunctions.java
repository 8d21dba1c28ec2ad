package io.scimflow.rules.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Functions that produce new values: Guid, RandomString, DefaultDomain. */
final class GeneratorFunctions {

	private static final String DIGITS = "0123456789";

	private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

	// The special characters of Windows' password complexity rules.
	private static final String SPECIAL = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";

	private static final int MAX_LENGTH = 256;

	private GeneratorFunctions() {
	}

	static Object guid(Invocation in) {
		RandomGenerator random = in.context().random();
		long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
		long lsb = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
		return new UUID(msb, lsb).toString();
	}

	// RandomString(length, minNumbers, minSpecial, minCapital, minLowerCase, charsToAvoid?)
	static Object randomString(Invocation in) {
		long length = in.integer(0);
		long[] minimums = { in.integer(1), in.integer(2), in.integer(3), in.integer(4) };
		String avoid = TextFunctions.nullToEmpty(in.string(5));
		if (length < 1 || length > MAX_LENGTH) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "RandomString length must be 1 to " + MAX_LENGTH
					+ " but is " + length);
		}
		long sum = 0;
		for (long m : minimums) {
			if (m < 0) {
				throw in.fail(ExpressionError.INVALID_ARGUMENT, "RandomString minimums must not be negative");
			}
			sum += m;
		}
		if (sum > length) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT,
					"RandomString minimums add up to " + sum + ", more than the length " + length);
		}
		String[] pools = { without(DIGITS, avoid), without(SPECIAL, avoid), without(UPPER, avoid), without(LOWER, avoid) };
		RandomGenerator random = in.context().random();
		List<Character> chars = new ArrayList<>();
		StringBuilder all = new StringBuilder();
		for (int p = 0; p < pools.length; p++) {
			if (minimums[p] > 0 && pools[p].isEmpty()) {
				throw in.fail(ExpressionError.INVALID_ARGUMENT, "RandomString: charactersToAvoid leaves no characters for a minimum");
			}
			for (long k = 0; k < minimums[p]; k++) {
				chars.add(pools[p].charAt(random.nextInt(pools[p].length())));
			}
			all.append(pools[p]);
		}
		if (all.length() == 0) {
			throw in.fail(ExpressionError.INVALID_ARGUMENT, "RandomString: charactersToAvoid leaves no characters");
		}
		while (chars.size() < length) {
			chars.add(all.charAt(random.nextInt(all.length())));
		}
		for (int i = chars.size() - 1; i > 0; i--) {
			Collections.swap(chars, i, random.nextInt(i + 1));
		}
		StringBuilder out = new StringBuilder();
		chars.forEach(out::append);
		return out.toString();
	}

	static Object defaultDomain(Invocation in) {
		return in.context().defaultDomain().orElseThrow(() -> in.fail(ExpressionError.NO_DEFAULT_DOMAIN,
				"DefaultDomain() has no default verified domain: set defaultDomain in the app configuration"));
	}

	private static String without(String pool, String avoid) {
		StringBuilder out = new StringBuilder();
		for (char c : pool.toCharArray()) {
			if (avoid.indexOf(c) < 0) {
				out.append(c);
			}
		}
		return out.toString();
	}

}

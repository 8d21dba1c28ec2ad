package io.scimflow.schemas.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for record identifiers such as provisioning log entry ids, drawn from
 * {@link ThreadLocalRandom}: as unique as {@link UUID#randomUUID()} for this purpose, without
 * its lock and call into the operating system's random source per id. Not for secrets.
 * Thread-safe.
 */
public final class RandomIds {

    private RandomIds() {
    }

    /** A new version 4, variant 2 UUID in its usual text form. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}

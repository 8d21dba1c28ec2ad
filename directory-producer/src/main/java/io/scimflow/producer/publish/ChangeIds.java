package io.scimflow.producer.publish;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for change ids, from a generator seeded once from
 * {@link SecureRandom}: as unique as {@link UUID#randomUUID()} for this purpose, without a
 * call into the operating system's random source per record (change ids are identifiers,
 * not secrets). Not thread-safe; the {@link DirectorySynchronizer} calls it under its lock.
 */
final class ChangeIds {

    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

    String next() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}

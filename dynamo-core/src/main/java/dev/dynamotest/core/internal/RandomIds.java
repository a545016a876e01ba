package dev.dynamotest.core.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers (table ids, ARN suffixes, database names) that must be unique and look like DynamoDB's, not be
 * unguessable: drawn from {@link ThreadLocalRandom}, which spares a cold start the seeding of {@code SecureRandom}.
 */
public final class RandomIds {

    private RandomIds() {
    }

    /** A random version 4 UUID. */
    public static UUID uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

package dev.dynamotest.core.internal.ops.transfers;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** The ids of exports and imports as DynamoDB forms them: 14 digits of epoch milliseconds, a dash, 8 hex digits. */
final class TransferIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TransferIds() {
    }

    static String next(Instant now) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return String.format("%014d", now.toEpochMilli()) + "-" + HexFormat.of().formatHex(random);
    }
}

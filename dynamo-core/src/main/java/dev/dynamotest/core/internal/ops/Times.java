package dev.dynamotest.core.internal.ops;

import java.math.BigDecimal;
import java.time.Instant;

/** DynamoDB's wire form of timestamps: epoch seconds with a fraction. */
final class Times {

    private Times() {
    }

    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}

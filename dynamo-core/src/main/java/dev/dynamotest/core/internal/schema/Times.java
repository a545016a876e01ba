package dev.dynamotest.core.internal.schema;

import java.math.BigDecimal;
import java.time.Instant;

/** DynamoDB's wire form of timestamps: epoch seconds with a fraction. */
public final class Times {

    private Times() {
    }

    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    /** The instant of a timestamp in that wire form. */
    public static Instant instant(com.fasterxml.jackson.databind.JsonNode epochSeconds) {
        return Instant.ofEpochMilli(epochSeconds.decimalValue().movePointRight(3).longValue());
    }
}

package dev.dynamotest.faults;

import dev.dynamotest.core.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a fault rule on a {@code @DynamoTest} class (for each of its test methods) or on a test method; the
 * rule is in force during the test and removed after it, with fresh counts for each test.
 *
 * <pre>{@code
 * @Test
 * @InjectFault(value = FaultKind.THROTTLE, operations = Operation.PUT_ITEM, table = "Orders", times = 2)
 * void survives_throttling(DynamoDbClient client) { ... }
 * }</pre>
 *
 * With none of {@code times}, {@code fromCall}/{@code toCall} or {@code probability} set, the rule applies to
 * every matching call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(InjectFaults.class)
public @interface InjectFault {

    FaultKind value();

    /** The operations it applies to; none: any (for UNPROCESSED both batch operations, for TRANSACTION_CONFLICT TransactWriteItems). */
    Operation[] operations() default {};

    /** Only calls that name this table (for stream faults: the table whose stream lags); empty: any. */
    String table() default "";

    /** Only Query and Scan calls on this index; empty: any. */
    String index() default "";

    /** Only calls signed for this region; empty: any. */
    String region() default "";

    /** Applies to the first {@code times} matching calls; 0: not limited this way. */
    int times() default 0;

    /** With {@code toCall}: applies to matching calls {@code fromCall..toCall}; 0: not limited this way. */
    int fromCall() default 0;

    int toCall() default 0;

    /** Applies to each matching call with this probability (with {@code seed}); below 0: not limited this way. */
    double probability() default -1;

    long seed() default 0;

    /** The delay of LATENCY, or the lag of STREAM_LAG, in milliseconds. */
    long millis() default 0;

    /** The share of a batch left unprocessed by UNPROCESSED. */
    double fraction() default 0.5;

    /**
     * The ThrottlingReasons reason of THROTTLE, THROTTLING_EXCEPTION or REQUEST_LIMIT_EXCEEDED instead of the derived
     * one ({@code withReason}); empty: derived.
     */
    String reason() default "";
}

package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A secondary index of a {@link DynamoTable}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface DynamoIndex {

    String name();

    /** The index's partition key; empty for a local index, whose partition key is the table's. */
    String partitionKey() default "";

    ScalarType partitionKeyType() default ScalarType.UNSET;

    String sortKey() default "";

    ScalarType sortKeyType() default ScalarType.UNSET;

    Projection projection() default Projection.ALL;

    /** The attributes projected with {@link Projection#INCLUDE}. */
    String[] nonKeyAttributes() default {};

    /** Which attributes the index holds, as in DynamoDB's {@code ProjectionType}. */
    enum Projection {
        ALL,
        KEYS_ONLY,
        INCLUDE
    }
}

package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secondary index of a {@link DynamoTable}. A global index may have multi-attribute keys: up to four partition
 * key attributes and four sort key attributes, listed in key schema order, each with its type at the same place
 * (all strings when the types are not given).
 *
 * <pre>{@code
 * @DynamoIndex(name = "byTournamentRegion", partitionKey = {"tournamentId", "region"},
 *         sortKey = {"round", "matchNo"}, sortKeyType = {ScalarType.S, ScalarType.N})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface DynamoIndex {

    String name();

    /**
     * The index's partition key attribute, or attributes in order (up to four, global indexes only); empty for a
     * local index, whose partition key is the table's.
     */
    String[] partitionKey() default {};

    /** The partition key attributes' types, one per attribute in the same order; strings if not given. */
    ScalarType[] partitionKeyType() default {};

    /** The index's sort key attribute, or attributes in order (up to four, global indexes only), if it has one. */
    String[] sortKey() default {};

    /** The sort key attributes' types, one per attribute in the same order; strings if not given. */
    ScalarType[] sortKeyType() default {};

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

package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a table that exists, empty, before each test of the annotated class (or once per class with
 * {@link Isolation#PER_CLASS}).
 *
 * <pre>{@code
 * @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N,
 *         globalIndexes = @DynamoIndex(name = "byStatus", partitionKey = "status"),
 *         stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt")
 * }</pre>
 *
 * <p>Tables are on-demand ({@code PAY_PER_REQUEST}) unless {@link #readCapacity()} and
 * {@link #writeCapacity()} are given.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(DynamoTables.class)
public @interface DynamoTable {

    String name();

    String partitionKey();

    /** The partition key's type; a string if not given. */
    ScalarType partitionKeyType() default ScalarType.UNSET;

    /** The sort key, if the table has one. */
    String sortKey() default "";

    /** The sort key's type; a string if not given. */
    ScalarType sortKeyType() default ScalarType.UNSET;

    /** Provisioned read capacity; with {@link #writeCapacity()}, makes the table {@code PROVISIONED}. */
    long readCapacity() default 0;

    /** Provisioned write capacity; with {@link #readCapacity()}, makes the table {@code PROVISIONED}. */
    long writeCapacity() default 0;

    DynamoIndex[] globalIndexes() default {};

    /** Local secondary indexes: their partition key is the table's, so leave it empty. */
    DynamoIndex[] localIndexes() default {};

    /** The stream, if the table has one. */
    StreamView stream() default StreamView.NONE;

    /** The attribute holding the expiry time in epoch seconds, if the table has TTL enabled. */
    String ttlAttribute() default "";

    /** The region of the table; the class's region if empty. */
    String region() default "";

    /** What a table's stream records carry, as in DynamoDB's {@code StreamViewType}. */
    enum StreamView {
        /** No stream. */
        NONE,
        KEYS_ONLY,
        NEW_IMAGE,
        OLD_IMAGE,
        NEW_AND_OLD_IMAGES
    }
}

package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one table for each of the application's enhanced-client classes ({@code @DynamoDbBean} or
 * {@code @DynamoDbImmutable}), with the keys and secondary indexes their annotations give, so that the test and the
 * application share one definition.
 *
 * <pre>{@code
 * @DynamoTest
 * @DynamoTablesFromBeans(Order.class)
 * class OrderRepositoryTest { ... }
 * }</pre>
 *
 * <p>A table is named after its class's simple name ({@code Order}); in a Spring test whose context has Spring
 * Cloud AWS (with {@code dynamotest-spring} on the class path), after what the context's
 * {@code DynamoDbTableNameResolver} gives for the class ({@code order}, with the configured prefix and suffix), the
 * name its {@code DynamoDbTemplate} uses. Key attributes take the type their Java type maps to; an index on a
 * {@code @DynamoDbSecondaryPartitionKey} is global, one on a {@code @DynamoDbSecondarySortKey} alone is local; indexes
 * project all attributes; tables are on-demand.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface DynamoTablesFromBeans {

    /** The enhanced-client classes. */
    Class<?>[] value();

    /** The stream of each of these tables, if they have one. */
    DynamoTable.StreamView stream() default DynamoTable.StreamView.NONE;

    /** The region of the tables; the class's region if empty. */
    String region() default "";
}

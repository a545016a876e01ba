package dev.dynamotest.junit;

import dev.dynamotest.core.DaxConfig;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns DAX on for a test class with these settings: the class's DAX node ({@link Dynamo#dax()}) starts with the
 * class's endpoint instead of on first use. Without it, {@code dynamo.dax()} starts a node with DAX's defaults the
 * first time a test asks. Settings given to {@code DynamoExtension.builder().dax(...)} win over these, as the
 * builder's settings win over {@link DynamoTest}'s. Only the outermost class of {@code @Nested} classes takes it:
 * they share its endpoint and DAX node.
 *
 * <pre>{@code
 * @DynamoTest
 * @DynamoDax(itemTtl = "PT10S", queryTtl = "PT0S")
 * class PriceCacheTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface DynamoDax {

    /**
     * How long an item (or its absence) stays in the item cache, as an ISO-8601 duration ({@code "PT5M"},
     * {@code "PT30S"}); {@code "PT0S"} caches no items. DAX's 5 minutes by default.
     */
    String itemTtl() default "PT5M";

    /**
     * How long a Query or Scan result stays in the query cache, as an ISO-8601 duration; {@code "PT0S"} caches no
     * results. DAX's 5 minutes by default.
     */
    String queryTtl() default "PT5M";

    /** The size budget of each cache in bytes; past it the least recently used entries go. 64 MB by default. */
    long cacheSize() default DaxConfig.DEFAULT_CACHE_SIZE;
}

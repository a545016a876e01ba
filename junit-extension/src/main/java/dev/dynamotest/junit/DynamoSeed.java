package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts the items of a JSON file into declared tables before each test (or once per class with
 * {@link Isolation#PER_CLASS}).
 *
 * <p>The file (a class-path resource, or a path relative to the working directory) holds either an array
 * of items for the table named by {@link #table()}, or an object whose fields are table names and whose
 * values are arrays of items, or {@code PutRequest}s as {@code aws dynamodb batch-write-item} takes them.
 * Items are in DynamoDB JSON ({@code {"pk": {"S": "A#1"}}}) or plain JSON ({@code {"pk": "A#1"}}), told apart
 * item by item as assertions tell them apart: an item is DynamoDB JSON when every attribute is an object with a
 * single type key. Plain JSON reads as the AWS SDK's {@code EnhancedDocument.fromJson} reads it (object M,
 * array L, string S, number N, {@code true}/{@code false} BOOL, {@code null} NULL); an item with a set or binary
 * data is written in DynamoDB JSON ({@code {"tags": {"SS": ["vip", "early"]}}}).
 *
 * <pre>{@code
 * @DynamoSeed(value = "orders.json", table = "Orders")
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(DynamoSeeds.class)
public @interface DynamoSeed {

    /** The file. */
    String value();

    /** The table of a file that holds an array of items. */
    String table() default "";

    /** The region of the table; the class's region if empty. */
    String region() default "";

    /** How the items are written; {@link Format#AUTO} tells DynamoDB JSON from plain JSON item by item. */
    Format format() default Format.AUTO;

    /** The JSON form of the items. */
    enum Format {
        /** DynamoDB JSON if every attribute is an object with a single type key such as {@code "S"}, else plain JSON. */
        AUTO,
        /** {@code {"pk": {"S": "A#1"}, "total": {"N": "12"}}}. */
        DYNAMODB_JSON,
        /**
         * {@code {"pk": "A#1", "total": 12}}: objects become M, arrays L, strings S, numbers N, booleans BOOL,
         * {@code null} NULL, even where an attribute looks like DynamoDB JSON.
         */
        PLAIN_JSON
    }
}

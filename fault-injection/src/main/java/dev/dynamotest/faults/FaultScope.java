package dev.dynamotest.faults;

/**
 * A span of a test in which fault rules are added: closing it removes the rules added since it was opened, so
 * that they do not leak into the next test. {@code @DynamoTest} opens one around each test method.
 */
@FunctionalInterface
public interface FaultScope extends AutoCloseable {

    /** Removes the rules (and stream faults) added since the scope was opened. */
    @Override
    void close();
}

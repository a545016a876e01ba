package dev.dynamotest.core;

/**
 * The order in which responses list the elements of string, number and binary sets. DynamoDB documents sets as
 * unordered; {@link #SORTED}, the default, is the order DynamoDB Local returns them in, so that tests written against
 * it pass, and {@link #SHUFFLED} catches code that depends on any order at all.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.builder().setOrder(SetOrder.SHUFFLED).shuffleSeed(42).build();
 * }</pre>
 */
public enum SetOrder {
    /** Strings and binaries by their bytes (unsigned; strings in UTF-8), numbers by value. */
    SORTED,
    /** A new random order in every response, drawn from {@link EngineConfig#shuffleSeed()}. */
    SHUFFLED
}

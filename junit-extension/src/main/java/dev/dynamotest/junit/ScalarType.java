package dev.dynamotest.junit;

/** The type of a key attribute: string, number or binary, as in DynamoDB's {@code AttributeDefinitions}. */
public enum ScalarType {
    /** String. */
    S,
    /** Number. */
    N,
    /** Binary. */
    B,
    /** Not given: a string where the key is named, nothing where it is not. */
    UNSET
}

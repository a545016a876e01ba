package dev.dynamotest.core.internal.streams;

import dev.dynamotest.core.DynamoException;

/** The errors of the DynamoDB Streams API, with DynamoDB's types and wording. */
public final class StreamErrors {

    private StreamErrors() {
    }

    public static DynamoException invalidStreamArn() {
        return DynamoException.validation("Invalid StreamArn");
    }

    static DynamoException invalidIterator() {
        return DynamoException.validation("Invalid ShardIterator");
    }

    public static DynamoException streamNotFound(String arn) {
        return DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }

    static DynamoException shardNotFound() {
        return DynamoException.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    public static DynamoException expiredIterator() {
        return new DynamoException("ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.");
    }

    static DynamoException trimmed() {
        return new DynamoException("TrimmedDataAccessException", "The data you are trying to access has been trimmed");
    }
}

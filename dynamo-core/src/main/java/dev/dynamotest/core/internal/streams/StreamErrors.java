package dev.dynamotest.core.internal.streams;

import dev.dynamotest.core.DynamoException;

/** The errors of the DynamoDB Streams API, with DynamoDB's types and wording. */
final class StreamErrors {

    private StreamErrors() {
    }

    static DynamoException invalidStreamArn() {
        return DynamoException.validation("Invalid StreamArn");
    }

    static DynamoException invalidIterator() {
        return DynamoException.validation("Invalid ShardIterator");
    }

    static DynamoException streamNotFound(String arn) {
        return DynamoException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }

    static DynamoException shardNotFound() {
        return DynamoException.resourceNotFound("Requested resource not found: Shard does not exist");
    }

    static DynamoException expiredIterator() {
        return new DynamoException("ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.");
    }

    static DynamoException trimmed() {
        return new DynamoException("TrimmedDataAccessException", "The data you are trying to access has been trimmed");
    }
}

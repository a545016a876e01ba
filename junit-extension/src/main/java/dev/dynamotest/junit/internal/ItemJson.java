package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.assertions.internal.PlainJson;
import dev.dynamotest.junit.DynamoSeed;

/** Seed items in DynamoDB JSON, from either DynamoDB JSON or plain JSON, read as assertions read them. */
final class ItemJson {

    private ItemJson() {
    }

    /** The item in DynamoDB JSON; {@code AUTO} tells the two forms apart as {@link PlainJson} does. */
    static ObjectNode item(ObjectNode item, DynamoSeed.Format format) {
        return switch (format) {
            case DYNAMODB_JSON -> item;
            case PLAIN_JSON -> PlainJson.plainItem(item);
            case AUTO -> PlainJson.item(item);
        };
    }
}

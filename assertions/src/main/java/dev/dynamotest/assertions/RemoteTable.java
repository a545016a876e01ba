package dev.dynamotest.assertions;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A table read through an SDK client rather than straight from the engine, for endpoints this JVM does not
 * run. Assertions read it with DescribeTable, consistent GetItem and Scan, so they consume capacity.
 *
 * <pre>{@code
 * assertThat(RemoteTable.of(client, "Orders")).containsItem(Key.of("pk", "A#1"));
 * }</pre>
 */
public final class RemoteTable {

    private final DynamoDbClient client;
    private final String name;

    private RemoteTable(DynamoDbClient client, String name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The table of that name at the client's endpoint, in the client's region. */
    public static RemoteTable of(DynamoDbClient client, String name) {
        return new RemoteTable(client, name);
    }

    public DynamoDbClient client() {
        return client;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "remote table " + name;
    }
}

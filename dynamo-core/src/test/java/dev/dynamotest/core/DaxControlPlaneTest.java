package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Amazon's DAX client (2.0.10) serves the data plane alone: its control-plane methods (DescribeTable, ListTables,
 * CreateTable, ...) are the SDK interface's defaults, which throw {@link UnsupportedOperationException} in the caller
 * without sending anything, so no control-plane request ever reaches a DAX cluster, real or ours.
 */
class DaxControlPlaneTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    @RegisterExtension
    static final LocalDax dax = new LocalDax(endpoint);
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        endpoint.createTable("Plane", "pk", null, null);
        client = dax.client();
    }

    @Test
    void control_plane_calls_fail_in_the_client_and_send_nothing() {
        DynamoEngine engine = endpoint.server().engine();
        long mark = engine.requests().mark();

        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("Plane")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> client.listTables()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> client.createTable(b -> b.tableName("Other")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> client.describeLimits()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement("SELECT * FROM Plane")))
                .isInstanceOf(UnsupportedOperationException.class);
        client.putItem(b -> b.tableName("Plane").item(Map.of("pk", AttributeValue.fromS("after"))));

        assertThat(engine.requests().recordedSince(mark)).extracting(RecordedRequest::operation)
                .containsExactly(Operation.PUT_ITEM);
    }
}

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
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * DAX requests pass the engine's interceptor chain as HTTP ones do: the journal records those that reach the table
 * (a cache hit does not), and an interceptor's error reaches the DAX client as DynamoDB's exception.
 */
class DaxInterceptorsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    @RegisterExtension
    static final LocalDax dax = new LocalDax(endpoint);
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        endpoint.createTable("Watched", "pk", null, null);
        client = dax.client();
    }

    @Test
    void the_journal_records_what_reaches_the_table_and_not_the_cache_hits() {
        DynamoEngine engine = endpoint.server().engine();
        long mark = engine.requests().mark();

        client.putItem(b -> b.tableName("Watched").item(Map.of("pk", AttributeValue.fromS("j"))));
        client.getItem(b -> b.tableName("Watched").key(Map.of("pk", AttributeValue.fromS("j"))));
        client.getItem(b -> b.tableName("Watched").key(Map.of("pk", AttributeValue.fromS("j"))));

        assertThat(engine.requests().recordedSince(mark)).extracting(RecordedRequest::operation)
                .containsExactly(Operation.PUT_ITEM);
    }

    @Test
    void an_interceptors_error_reaches_the_dax_client_as_dynamodbs_exception() {
        RequestInterceptor throttle = (request, next) -> {
            if ("Watched".equals(request.tableName()) && request.operation().equals("UpdateItem")) {
                throw new DynamoException("ProvisionedThroughputExceededException", "Throttled by the test");
            }
            return next.proceed(request);
        };
        endpoint.server().engine().addInterceptor(throttle);
        try {
            assertThatThrownBy(() -> client.updateItem(b -> b.tableName("Watched")
                    .key(Map.of("pk", AttributeValue.fromS("t"))).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))))
                    .isInstanceOf(ProvisionedThroughputExceededException.class)
                    .hasMessageContaining("Throttled by the test");
        } finally {
            endpoint.server().engine().removeInterceptor(throttle);
        }
    }
}

package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.core.support.LocalDax;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The request journal records the door each request came through: HTTP, in process, DAX or the engine itself. */
class RequestDoorTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DaxServer dax;
    private static DynamoDbClient daxClient;

    @BeforeAll
    static void start() throws Exception {
        endpoint.createTable("Doors", "pk", null, null);
        dax = DaxServer.start(endpoint.server().engine());
        daxClient = LocalDax.client(dax);
    }

    @AfterAll
    static void stop() {
        if (daxClient != null) {
            daxClient.close();
        }
        if (dax != null) {
            dax.close();
        }
    }

    private static DynamoDbClient client(boolean inProcess) {
        return DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .httpClient(inProcess ? endpoint.server().engine().sdkHttpClient() : UrlConnectionHttpClient.create())
                .build();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    @Test
    void each_request_is_journalled_with_the_door_it_came_through() {
        DynamoEngine engine = endpoint.server().engine();
        long mark = engine.requests().mark();

        try (DynamoDbClient http = client(false); DynamoDbClient inProcess = client(true)) {
            http.putItem(b -> b.tableName("Doors").item(item("http")));
            inProcess.putItem(b -> b.tableName("Doors").item(item("in-process")));
        }
        daxClient.getItem(b -> b.tableName("Doors").key(item("dax")));
        engine.execute("us-east-1", "DescribeTable", JsonNodeFactory.instance.objectNode().put("TableName", "Doors"));

        RecordedRequests since = engine.requests().since(mark);
        assertThat(since.list()).extracting(RecordedRequest::operation, RecordedRequest::door).containsExactly(
                tuple(Operation.PUT_ITEM, Door.HTTP),
                tuple(Operation.PUT_ITEM, Door.IN_PROCESS),
                tuple(Operation.GET_ITEM, Door.DAX),
                tuple(Operation.DESCRIBE_TABLE, Door.ENGINE));
        assertThat(since.through(Door.DAX).list()).extracting(RecordedRequest::operation)
                .containsExactly(Operation.GET_ITEM);
        assertThat(since.spansDoors()).isTrue();
    }

    @Test
    void the_listing_does_not_tell_http_from_in_process() {
        DynamoEngine engine = endpoint.server().engine();
        long mark = engine.requests().mark();
        try (DynamoDbClient http = client(false); DynamoDbClient inProcess = client(true)) {
            http.putItem(b -> b.tableName("Doors").item(item("one")));
            inProcess.putItem(b -> b.tableName("Doors").item(item("two")));
        }

        RecordedRequests since = engine.requests().since(mark);
        assertThat(since.spansDoors()).isTrue();
        assertThat(since.listing(since.list())).containsExactly("#1  PutItem  Doors  OK", "#2  PutItem  Doors  OK");
    }

    @Test
    void the_listing_shows_the_door_only_when_requests_came_through_more_than_one() {
        DynamoEngine engine = endpoint.server().engine();
        long mark = engine.requests().mark();
        daxClient.putItem(b -> b.tableName("Doors").item(item("listed")));

        RecordedRequests onlyDax = engine.requests().since(mark);
        assertThat(onlyDax.spansDoors()).isFalse();
        assertThat(onlyDax.listing(onlyDax.list())).containsExactly("#1  PutItem  Doors  OK");

        try (DynamoDbClient http = client(false)) {
            http.getItem(b -> b.tableName("Doors").key(item("listed")));
        }
        RecordedRequests both = engine.requests().since(mark);
        List<String> lines = both.listing(both.list());
        assertThat(lines).containsExactly("#1  PutItem  Doors  DAX   OK", "#2  GetItem  Doors  HTTP  OK");
    }
}

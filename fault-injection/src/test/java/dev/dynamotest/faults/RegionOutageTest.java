package dev.dynamotest.faults;

import static dev.dynamotest.core.Operation.GET_ITEM;
import static dev.dynamotest.faults.support.FaultEndpoint.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.regions.RegionOutage;
import dev.dynamotest.core.regions.OutageMode;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.faults.support.FaultEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;

class RegionOutageTest {

    private static final FaultEndpoint endpoint = new FaultEndpoint();
    private static final DynamoDbClient europe = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
            .region(Region.EU_WEST_1).credentialsProvider(FaultEndpoint.CREDENTIALS)
            .overrideConfiguration(SdkRetries.withoutBackoff()).build();

    @AfterAll
    static void close() {
        europe.close();
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.createTable("Orders");
        endpoint.client().putItem(r -> r.tableName("Orders").item(item("A#1")));
    }

    @AfterEach
    void endOutages() {
        endpoint.engine().regions().endOutages();
    }

    @Test
    void a_server_error_outage_fails_every_attempt_with_internal_server_error_and_keeps_the_data() {
        RecordedRequests requests = endpoint.requests();
        RegionOutage outage = endpoint.faults().regionOutage(Region.US_EAST_1);

        assertThatThrownBy(() -> endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1"))))
                .isInstanceOf(InternalServerErrorException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(500));
        assertThat(requests.ofOperation(GET_ITEM).list()).hasSize(9)
                .extracting(RecordedRequest::errorType).containsOnly("InternalServerError");
        assertThat(requests.ofOperation(GET_ITEM).list()).extracting(RecordedRequest::fault)
                .containsOnly("region outage (SERVER_ERROR)");

        outage.end();
        assertThat(endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1"))).item())
                .isEqualTo(item("A#1"));
    }

    @Test
    void a_service_unavailable_outage_answers_503_with_dynamodbs_type() {
        endpoint.faults().regionOutage(Region.US_EAST_1, OutageMode.SERVICE_UNAVAILABLE);

        assertThatThrownBy(() -> endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                });
    }

    @Test
    void a_connection_failure_outage_closes_the_connection_without_an_answer() {
        RecordedRequests requests = endpoint.requests();
        endpoint.faults().regionOutage(Region.US_EAST_1, OutageMode.CONNECTION_FAILURE);

        assertThatThrownBy(() -> endpoint.client().getItem(r -> r.tableName("Orders").key(item("A#1"))))
                .isInstanceOf(SdkClientException.class);
        assertThat(requests.ofOperation(GET_ITEM).list()).isNotEmpty()
                .extracting(RecordedRequest::errorType).containsOnly(RecordedRequest.CONNECTION_DROPPED);
        assertThat(requests.ofOperation(GET_ITEM).list()).extracting(RecordedRequest::fault)
                .containsOnly("region outage (CONNECTION_FAILURE)");
    }

    @Test
    void other_regions_keep_serving_during_an_outage() {
        try (RegionOutage outage = endpoint.faults().regionOutage(Region.US_EAST_1)) {
            europe.createTable(r -> r.tableName("Orders").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            europe.putItem(r -> r.tableName("Orders").item(item("B#1")));

            RecordedRequests requests = endpoint.requests();
            assertThat(europe.getItem(r -> r.tableName("Orders").key(item("B#1"))).item()).isEqualTo(item("B#1"));
            assertThat(requests.list()).singleElement().satisfies(r -> assertThat(r.fault()).isNull());
            assertThat(endpoint.engine().regions().isDown("us-east-1")).isTrue();
        }
        assertThat(endpoint.engine().regions().isDown("us-east-1")).isFalse();
        endpoint.engine().tables().drop("eu-west-1", "Orders");
    }
}

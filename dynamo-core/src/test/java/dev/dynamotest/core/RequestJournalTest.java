package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
import dev.dynamotest.core.support.LocalEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class RequestJournalTest {

    private static final ControllableClock CLOCK = new ControllableClock();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass(EngineConfig.builder().clock(CLOCK).build());

    private static DynamoEngine engine() {
        return endpoint.server().engine();
    }

    @Test
    void records_each_request_with_its_sdk_attempt_call_outcome_and_time() {
        endpoint.createTable("Journal", null);
        Instant frozen = CLOCK.freeze().now();
        RecordedRequests requests = engine().requests().since(engine().requests().mark());

        endpoint.client().putItem(r -> r.tableName("Journal").item(Map.of("pk", AttributeValue.fromS("A"))));
        assertThatThrownBy(() -> endpoint.client().getItem(r -> r.tableName("Missing")
                .key(Map.of("pk", AttributeValue.fromS("A"))))).isInstanceOf(ResourceNotFoundException.class);
        CLOCK.unfreeze();

        List<RecordedRequest> list = requests.list();
        assertThat(list).hasSize(2);
        RecordedRequest put = list.get(0);
        assertThat(put.operation()).isEqualTo(Operation.PUT_ITEM);
        assertThat(put.tables()).containsExactly("Journal");
        assertThat(put.region()).isEqualTo("us-east-1");
        assertThat(put.attempt()).isEqualTo(1);
        assertThat(put.maxAttempts()).isEqualTo(9);
        assertThat(put.invocationId()).isNotBlank();
        assertThat(put.time()).isEqualTo(frozen);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.succeeded()).isTrue();
        assertThat(put.faulted()).isFalse();
        RecordedRequest get = list.get(1);
        assertThat(get.errorType()).isEqualTo("ResourceNotFoundException");
        assertThat(get.outcome()).isEqualTo("ResourceNotFoundException: Requested resource not found");
        assertThat(get.invocationId()).isNotEqualTo(put.invocationId());
        assertThat(get.number()).isEqualTo(put.number() + 1);
        assertThat(requests.count(Operation.GET_ITEM)).isEqualTo(1);
        assertThat(requests.onTable("Journal").list()).containsExactly(put);
        assertThat(requests.byInvocation()).hasSize(2);
    }

    @Test
    void direct_execution_is_not_recorded_and_in_process_calls_are() {
        long mark = engine().requests().mark();
        ObjectNode body = JsonNodeFactory.instance.objectNode();

        engine().executeDirect("us-east-1", "ListTables", body);
        engine().execute("eu-west-1", "ListTables", body);

        assertThat(engine().requests().recordedSince(mark)).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo("eu-west-1");
            assertThat(r.attempt()).isZero();
            assertThat(r.invocationId()).isNull();
        });
    }

    @Test
    void an_interceptor_can_drop_the_connection_and_note_its_fault() {
        endpoint.createTable("Dropped", null);
        RequestInterceptor drop = (request, next) -> {
            if (request.operation().equals("GetItem")) {
                engine().requests().noteFault("dropped on purpose");
                throw new ConnectionDrop("test");
            }
            return next.proceed(request);
        };
        engine().addInterceptor(drop);
        RecordedRequests requests = engine().requests().since(engine().requests().mark());
        try (var client = endpoint.client(software.amazon.awssdk.regions.Region.US_EAST_1)) {
            assertThatThrownBy(() -> client.getItem(r -> r.tableName("Dropped")
                    .key(Map.of("pk", AttributeValue.fromS("A"))))).isInstanceOf(SdkClientException.class);
        } finally {
            engine().removeInterceptor(drop);
        }
        assertThat(requests.list()).hasSizeGreaterThan(1).allSatisfy(r -> {
            assertThat(r.errorType()).isEqualTo(RecordedRequest.CONNECTION_DROPPED);
            assertThat(r.statusCode()).isZero();
            assertThat(r.fault()).isEqualTo("dropped on purpose");
        });
    }

    @Test
    void a_stream_gate_holds_back_records_and_those_after_them() {
        String arn = endpoint.createStreamedTable("Gated", StreamViewType.KEYS_ONLY);
        StreamGate hideB = (record, changedAt, now) -> !record.keys().get("pk").equals(
                dev.dynamotest.core.model.AttributeValue.string("B"));
        engine().tableStreams().addGate(hideB);
        try {
            for (String pk : List.of("A", "B", "C")) {
                endpoint.client().putItem(r -> r.tableName("Gated").item(Map.of("pk", AttributeValue.fromS(pk))));
            }
            assertThat(endpoint.streamRecords(arn)).extracting(r -> r.dynamodb().keys().get("pk").s())
                    .containsExactly("A");
            assertThat(engine().tableStreams().records(arn)).hasSize(1);
        } finally {
            engine().tableStreams().removeGate(hideB);
        }
        assertThat(endpoint.streamRecords(arn)).hasSize(3);
        var all = engine().tableStreams().records(arn);
        engine().tableStreams().addGate(hideB);
        try {
            assertThat(all).filteredOn(r -> !engine().tableStreams().visible(r, Instant.now()))
                    .extracting(r -> r.keys().get("pk")).containsExactly(
                            dev.dynamotest.core.model.AttributeValue.string("B"));
        } finally {
            engine().tableStreams().removeGate(hideB);
        }
    }

    @Test
    void operations_have_their_api_names() {
        assertThat(Operation.PUT_ITEM.apiName()).isEqualTo("PutItem");
        assertThat(Operation.of("TransactWriteItems")).isEqualTo(Operation.TRANSACT_WRITE_ITEMS);
        assertThat(Operation.of("GetRecords")).isEqualTo(Operation.GET_RECORDS);
        assertThat(Operation.of("Nope")).isEqualTo(Operation.UNKNOWN);
        assertThat(Operation.find("Nope")).isEmpty();
        assertThat(Operation.UPDATE_TIME_TO_LIVE.apiName()).isEqualTo("UpdateTimeToLive");
    }
}

package dev.dynamotest.core.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationRouterTest {

    private final OperationRouter router = new OperationRouter();

    @Test
    void knows_an_operation_under_its_own_api_only() {
        router.add(Api.STREAMS, "GetRecords", (region, body) -> body);

        assertThat(router.knows(Api.STREAMS, "GetRecords")).isTrue();
        assertThat(router.knows(Api.DYNAMODB, "GetRecords")).isFalse();
        assertThat(router.knows(Api.AUTO_SCALING, "GetRecords")).isFalse();
    }

    @Test
    void runs_the_operation_of_the_request_with_an_empty_body_for_none() {
        router.add(Api.DYNAMODB, "ListTables", (region, body) -> body.put("region", region));

        ObjectNode response = router.route(new DynamoRequest("eu-west-1", "ListTables", null, Map.of()));

        assertThat(response.toString()).isEqualTo("{\"region\":\"eu-west-1\"}");
    }

    @Test
    void answers_unknown_operation_for_a_name_nobody_registered() {
        assertThatThrownBy(() -> router.call("us-east-1", "PutItem", JsonNodeFactory.instance.objectNode()))
                .isInstanceOfSatisfying(DynamoException.class, e -> {
                    assertThat(e.type()).isEqualTo("UnknownOperationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void describes_the_endpoint_called_from_the_host_header() {
        ObjectNode response = router.route(new DynamoRequest("us-east-1", "DescribeEndpoints", null,
                Map.of("Host", "localhost:8000")));

        assertThat(router.knows(Api.DYNAMODB, "DescribeEndpoints")).isTrue();
        assertThat(response.toString())
                .isEqualTo("{\"Endpoints\":[{\"Address\":\"localhost:8000\",\"CachePeriodInMinutes\":1440}]}");
    }

    @Test
    void refuses_a_name_registered_twice_even_under_another_api() {
        router.add(Api.DYNAMODB, "Query", (region, body) -> body);

        assertThatThrownBy(() -> router.add(Api.STREAMS, "Query", (region, body) -> body))
                .isInstanceOf(IllegalStateException.class).hasMessage("operation registered twice: Query");
    }
}

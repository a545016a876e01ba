package dev.dynamotest.core.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.DynamoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestChainTest {

    private final List<String> steps = new ArrayList<>();
    private final OperationRouter router = new OperationRouter();
    private final RequestChain chain = new RequestChain(
            (request, next) -> {
                steps.add("outages");
                return next.proceed(request);
            },
            () -> steps.add("client clock"), () -> steps.add("engine clock"), router);

    RequestChainTest() {
        router.add(Api.DYNAMODB, "ListTables", (region, body) -> {
            steps.add("ListTables");
            return body;
        });
        chain.add((request, next) -> {
            steps.add("journal");
            return next.proceed(request);
        });
        chain.add((request, next) -> {
            steps.add("faults");
            return next.proceed(request);
        });
    }

    @Test
    void runs_a_client_request_through_interceptors_then_region_outages_then_the_clocks() {
        chain.handle(new DynamoRequest("us-east-1", "ListTables", null, Map.of()));

        assertThat(steps).containsExactly("journal", "faults", "outages", "engine clock", "client clock",
                "ListTables");
    }

    @Test
    void runs_a_setup_request_past_the_interceptors_region_outages_and_client_clock() {
        chain.handle(DynamoRequest.setup("us-east-1", "ListTables", null));

        assertThat(steps).containsExactly("engine clock", "ListTables");
    }
}

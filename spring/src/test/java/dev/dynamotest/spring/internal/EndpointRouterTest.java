package dev.dynamotest.spring.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointRouterTest {

    @Test
    void a_context_used_while_its_class_has_no_endpoint_says_so() {
        EndpointRouter router = new EndpointRouter(EndpointRouterTest.class);

        assertThatThrownBy(router::engine).isInstanceOf(IllegalStateException.class).hasMessage("the application "
                + "context of EndpointRouterTest reaches DynamoDB while no @DynamoTest endpoint of EndpointRouterTest "
                + "is running (before its class starts or after it ended); a bean that calls DynamoDB on its own, "
                + "after the test class, must be stopped with the class");
    }
}

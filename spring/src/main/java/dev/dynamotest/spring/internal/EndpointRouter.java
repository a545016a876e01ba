package dev.dynamotest.spring.internal;

import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.internal.DynamoResource;
import dev.dynamotest.junit.internal.RunningClasses;
import java.util.Objects;

/**
 * Which test class's endpoint an application context's clients talk to now. A cached context serves one test class
 * after another: it is bound to the class that creates it, then to each class that takes it from the cache, and the
 * endpoint is looked up at each request, so a request always reaches the endpoint of the class running now.
 */
public final class EndpointRouter {

    private volatile Class<?> testClass;

    EndpointRouter(Class<?> testClass) {
        this.testClass = Objects.requireNonNull(testClass, "testClass");
    }

    /** Binds the context to the class about to use it. */
    public void bind(Class<?> testClass) {
        this.testClass = Objects.requireNonNull(testClass, "testClass");
    }

    /** The endpoint of the bound class; fails while it has none (its {@code @DynamoTest} endpoint has closed). */
    DynamoResource resource() {
        Class<?> bound = testClass;
        return RunningClasses.endpointOf(bound).orElseThrow(() -> new IllegalStateException("the application "
                + "context of " + bound.getSimpleName() + " reaches DynamoDB while no @DynamoTest endpoint of "
                + bound.getSimpleName() + " is running (before its class starts or after it ended); a bean that "
                + "calls DynamoDB on its own, after the test class, must be stopped with the class"));
    }

    /** The engine of the bound class's endpoint, which must run in this JVM. */
    DynamoEngine engine() {
        DynamoEngine engine = resource().backend().engine();
        if (engine == null) {
            throw new IllegalStateException("dynamotest-spring routes the application context to an engine in this "
                    + "JVM, but the @DynamoTest endpoint of " + testClass.getSimpleName() + " is elsewhere "
                    + "(dynamotest.endpoint); run the Spring tests without dynamotest.endpoint");
        }
        return engine;
    }

    /** The handle of the bound class's endpoint. */
    Dynamo handle() {
        return resource().handle();
    }
}

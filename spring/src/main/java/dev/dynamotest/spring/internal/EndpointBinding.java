package dev.dynamotest.spring.internal;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Binds a {@code @DynamoTest} class's application context, fresh or from the cache, to the class about to use it,
 * before its test instance is prepared and before each test method; registered in {@code META-INF/spring.factories}.
 */
public final class EndpointBinding implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        bindIfLoaded(testContext);
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        bindIfLoaded(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        bindIfLoaded(testContext);
    }

    /** Binds the context if the cache holds it; one loaded later is bound to its class by the customizer. */
    private static void bindIfLoaded(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(EndpointRouter.class)
                    .ifAvailable(router -> router.bind(testContext.getTestClass()));
        }
    }
}

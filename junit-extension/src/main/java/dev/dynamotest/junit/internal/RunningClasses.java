package dev.dynamotest.junit.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoints of the test classes running now, by outermost test class, for integrations whose own state outlives
 * a class (Spring's cached application contexts) and must find the endpoint of the class that runs. An endpoint is
 * listed from its start until it closes.
 */
public final class RunningClasses {

    private static final Map<Class<?>, DynamoResource> RUNNING = new ConcurrentHashMap<>();

    private RunningClasses() {
    }

    static void add(Class<?> testClass, DynamoResource resource) {
        RUNNING.put(testClass, resource);
        resource.whenClosed(() -> RUNNING.remove(testClass, resource));
    }

    /** The endpoint of the class, or of the nearest enclosing class that has one. */
    public static Optional<DynamoResource> endpointOf(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            DynamoResource resource = RUNNING.get(c);
            if (resource != null) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}

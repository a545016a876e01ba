package dev.dynamotest.spring.internal;

import dev.dynamotest.junit.Dynamo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The {@link Dynamo} bean of an application context: each call goes to the handle of the test class running now, so
 * an {@code @Autowired Dynamo} in a cached context is the running class's.
 */
final class RoutedDynamo {

    private RoutedDynamo() {
    }

    static Dynamo create(EndpointRouter router) {
        return (Dynamo) Proxy.newProxyInstance(Dynamo.class.getClassLoader(), new Class<?>[] {Dynamo.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "Dynamo of the running @DynamoTest class (routed)";
                        };
                    }
                    try {
                        return method.invoke(router.handle(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package dev.dynamotest.junit.internal;

import dev.dynamotest.junit.Dynamo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What the extension injects, and how: parameters by type, instance fields of those types that are still null. */
final class Injection {

    private static final List<Class<?>> TYPES = List.of(DynamoDbClient.class, DynamoDbAsyncClient.class,
            DynamoDbEnhancedClient.class, DynamoDbEnhancedAsyncClient.class, DynamoDbStreamsClient.class,
            Dynamo.class);

    private Injection() {
    }

    static boolean supports(Class<?> type) {
        return TYPES.contains(type);
    }

    static Object value(Class<?> type, DynamoResource resource) {
        Dynamo dynamo = resource.handle();
        if (type == DynamoDbClient.class) {
            return dynamo.client();
        }
        if (type == DynamoDbAsyncClient.class) {
            return dynamo.asyncClient();
        }
        if (type == DynamoDbEnhancedClient.class) {
            return dynamo.enhancedClient();
        }
        if (type == DynamoDbEnhancedAsyncClient.class) {
            return dynamo.enhancedAsyncClient();
        }
        if (type == DynamoDbStreamsClient.class) {
            return dynamo.streamsClient();
        }
        if (type == Dynamo.class) {
            return dynamo;
        }
        throw new IllegalArgumentException("cannot inject " + type.getName());
    }

    /**
     * Fills the instance fields of the test instance's class and superclasses that are still {@code null}; static
     * fields are {@link StaticFields}' job.
     */
    static void injectInstance(Object instance, DynamoResource resource) {
        for (Field field : fields(instance.getClass(), field -> !Modifier.isStatic(field.getModifiers()))) {
            try {
                field.setAccessible(true);
                if (field.get(instance) == null) {
                    field.set(instance, value(field.getType(), resource));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MisuseException("field " + field.getName() + " of " + instance.getClass().getSimpleName()
                        + " cannot be injected (" + e + "); make it non-final and accessible", e);
            }
        }
    }

    /** The fields of a type and its superclasses, superclasses first, that the extension can fill. */
    static List<Field> fields(Class<?> type, Predicate<Field> scope) {
        return ReflectionSupport.findFields(type,
                field -> scope.test(field) && !Modifier.isFinal(field.getModifiers()) && supports(field.getType()),
                HierarchyTraversalMode.TOP_DOWN);
    }
}

package dev.dynamotest.junit.internal;

import dev.dynamotest.junit.Dynamo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the extension injects, and how: parameters by type, fields of those types that are still null. */
final class Injection {

    private static final List<Class<?>> TYPES = List.of(DynamoDbClient.class, DynamoDbAsyncClient.class,
            DynamoDbEnhancedClient.class, Dynamo.class);

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
        if (type == Dynamo.class) {
            return dynamo;
        }
        throw new IllegalArgumentException("cannot inject " + type.getName());
    }

    static void injectStatic(Class<?> testClass, DynamoResource resource) {
        inject(testClass, null, resource, field -> Modifier.isStatic(field.getModifiers()));
    }

    static void injectInstance(Object instance, DynamoResource resource) {
        inject(instance.getClass(), instance, resource, field -> !Modifier.isStatic(field.getModifiers()));
    }

    private static void inject(Class<?> type, Object target, DynamoResource resource, Predicate<Field> scope) {
        List<Field> fields = ReflectionSupport.findFields(type,
                field -> scope.test(field) && !Modifier.isFinal(field.getModifiers()) && supports(field.getType()),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            try {
                field.setAccessible(true);
                if (field.get(target) == null) {
                    field.set(target, value(field.getType(), resource));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MisuseException("field " + field.getName() + " of " + type.getSimpleName()
                        + " cannot be injected (" + e + "); make it non-final and accessible", e);
            }
        }
    }
}

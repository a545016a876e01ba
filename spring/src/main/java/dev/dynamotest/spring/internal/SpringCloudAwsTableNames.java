package dev.dynamotest.spring.internal;

import dev.dynamotest.junit.internal.BeanTableNames;
import io.awspring.cloud.dynamodb.DynamoDbTableNameResolver;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextManager;
import org.springframework.util.ClassUtils;

/**
 * Names the tables of {@code @DynamoTablesFromBeans} in a Spring test as its application's
 * {@code DynamoDbTableNameResolver} does (Spring Cloud AWS: prefix, snake case, suffix), so that the template finds
 * them. Asks for the test class's context, which Spring's cache then hands to the test; the context therefore starts
 * before the declared tables exist.
 */
public final class SpringCloudAwsTableNames implements BeanTableNames {

    private static final String RESOLVER = "io.awspring.cloud.dynamodb.DynamoDbTableNameResolver";

    @Override
    public Optional<String> tableName(Class<?> testClass, Class<?> beanClass) {
        ClassLoader loader = testClass.getClassLoader();
        if (!ClassUtils.isPresent(RESOLVER, loader)
                || !(TestContextAnnotationUtils.hasAnnotation(testClass, BootstrapWith.class)
                        || TestContextAnnotationUtils.hasAnnotation(testClass, ContextConfiguration.class))) {
            return Optional.empty();
        }
        ApplicationContext context = new TestContextManager(testClass).getTestContext().getApplicationContext();
        return Resolver.resolve(context, beanClass);
    }

    /** Touches Spring Cloud AWS's types only where they are on the class path. */
    private static final class Resolver {
        static Optional<String> resolve(ApplicationContext context, Class<?> beanClass) {
            return Optional.ofNullable(context.getBeanProvider(DynamoDbTableNameResolver.class).getIfAvailable())
                    .map(resolver -> resolver.resolve(beanClass));
        }
    }
}

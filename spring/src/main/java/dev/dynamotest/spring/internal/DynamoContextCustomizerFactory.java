package dev.dynamotest.spring.internal;

import dev.dynamotest.junit.DynamoTest;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the application context of a test class that carries {@code @DynamoTest} (itself, a superclass or an
 * enclosing class) a {@link DynamoContextCustomizer}; registered in {@code META-INF/spring.factories}.
 */
public final class DynamoContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        DynamoTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, DynamoTest.class);
        return test == null ? null : new DynamoContextCustomizer(test.region(), test.transport());
    }
}

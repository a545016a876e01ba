package dev.dynamotest.junit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.Set;

/**
 * The parameters that Spring's JUnit extension fills in a Spring test: those its annotations mark. A
 * {@code @Autowired Dynamo} or {@code @Autowired DynamoDbClient} parameter is then the application context's bean,
 * and the two extensions do not both claim it. Known by name: the extension does not depend on Spring.
 */
public final class SpringParameters {

    private static final Set<String> SPRING_ANNOTATIONS = Set.of(
            "org.springframework.beans.factory.annotation.Autowired",
            "org.springframework.beans.factory.annotation.Qualifier",
            "org.springframework.beans.factory.annotation.Value");

    private SpringParameters() {
    }

    public static boolean claims(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (SPRING_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }
}

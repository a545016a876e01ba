package dev.dynamotest.spring.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties a {@code @DynamoTest} class puts first in its application context's environment: where the
 * endpoint is, its region and credentials, under DynamoTest's names and Spring Cloud AWS's. The endpoint's URL is
 * asked for (and its HTTP front started) only when a property holding it is read.
 */
final class ContextProperties extends EnumerablePropertySource<Object> {

    static final String NAME = "dynamotest";
    static final String ENDPOINT = "dynamotest.endpoint";
    static final String REGION = "dynamotest.region";
    static final String ACCESS_KEY_ID = "dynamotest.access-key-id";
    static final String SECRET_ACCESS_KEY = "dynamotest.secret-access-key";

    private final Map<String, Supplier<Object>> values = new LinkedHashMap<>();

    ContextProperties(String region, Supplier<Object> endpoint) {
        super(NAME, new Object());
        values.put(ENDPOINT, endpoint);
        values.put(REGION, () -> region);
        values.put(ACCESS_KEY_ID, () -> "dynamotest");
        values.put(SECRET_ACCESS_KEY, () -> "dynamotest");
        values.put("spring.cloud.aws.dynamodb.endpoint", endpoint);
        values.put("spring.cloud.aws.dynamodb.region", () -> region);
        values.put("spring.cloud.aws.region.static", () -> region);
        values.put("spring.cloud.aws.credentials.access-key", () -> "dynamotest");
        values.put("spring.cloud.aws.credentials.secret-key", () -> "dynamotest");
    }

    @Override
    public String[] getPropertyNames() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    public Object getProperty(String name) {
        Supplier<Object> value = values.get(name);
        return value == null ? null : value.get();
    }
}

package dev.dynamotest.junit;

import dev.dynamotest.core.CapacityMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class its own DynamoDB-compatible endpoint: started before the class's first test, shared
 * by its {@code @Nested} classes, stopped after its last one.
 *
 * <pre>{@code
 * @DynamoTest(region = "eu-west-1")
 * @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk")
 * class OrderServiceTest {
 *     @Test
 *     void ships_an_order(DynamoDbClient client, Dynamo dynamo) { ... }
 * }
 * }</pre>
 *
 * <p>Test methods, constructors and fields receive a {@code DynamoDbClient}, {@code DynamoDbAsyncClient},
 * {@code DynamoDbEnhancedClient} or {@link Dynamo} for the endpoint. A static field is filled for one class's run
 * and set back to {@code null} when the class's endpoint stops; a class that needs a static field (declared in a
 * common base class) while another class running at the same time holds it fails, asking for an instance field,
 * a parameter, or a field in each class. Anything computed at run time (a clock, an H2 file, a fixed port, any
 * engine option) goes through {@link DynamoExtension#builder()} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(DynamoExtension.class)
public @interface DynamoTest {

    /** The region of the injected clients and of the declared tables that name none. */
    String region() default "us-east-1";

    /** Whether each test method starts from the declared state, or the class's methods share their state. */
    Isolation isolation() default Isolation.PER_METHOD;

    /**
     * How the injected clients wait between retries: by default in virtual time (each backoff the SDK computes
     * advances the engine's clock, and the retry is sent at once); the SDK's real backoff; or none. The SDK's retry
     * decisions hold in all three.
     */
    RetryBackoff retryBackoff() default RetryBackoff.VIRTUAL_TIME;

    /**
     * Whether tables throttle requests over their capacity as DynamoDB does ({@link CapacityMode#ENFORCE}) or
     * serve them and record the throttling ({@link CapacityMode#OBSERVE}, the default); see {@link Dynamo#capacity()}.
     */
    CapacityMode capacity() default CapacityMode.OBSERVE;

    /**
     * How the injected clients reach the engine: in process (the default, no socket) or over HTTP. The HTTP endpoint
     * starts only when something needs its URL: {@link Dynamo#endpoint()}, or an injected client over HTTP.
     */
    Transport transport() default Transport.IN_PROCESS;
}

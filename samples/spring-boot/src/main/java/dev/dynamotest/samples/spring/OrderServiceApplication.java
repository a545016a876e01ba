package dev.dynamotest.samples.spring;

import io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/** An order service on Spring Cloud AWS's DynamoDB support. */
@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    /** The SDK tries each request twice; {@link ThrottlingRetry} takes over for throttled writes. */
    @Bean
    DynamoDbClientCustomizer sdkRetries() {
        return builder -> builder.overrideConfiguration(config -> config.retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build()));
    }
}

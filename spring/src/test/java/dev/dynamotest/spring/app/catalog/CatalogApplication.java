package dev.dynamotest.spring.app.catalog;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An application without Spring Cloud AWS: it builds its own client from its own properties. */
@Configuration
@Import(Catalog.class)
public class CatalogApplication {

    @Bean
    DynamoDbClient dynamoDbClient(@Value("${catalog.dynamodb.endpoint}") URI endpoint,
            @Value("${catalog.dynamodb.region}") String region, @Value("${catalog.dynamodb.access-key}") String key,
            @Value("${catalog.dynamodb.secret-key}") String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}

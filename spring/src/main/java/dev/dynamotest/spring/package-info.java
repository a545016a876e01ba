/**
 * Spring Boot tests on DynamoTest: a {@code @SpringBootTest} class that also carries {@code @DynamoTest} gets an
 * application context whose DynamoDB clients talk to the class's endpoint, with no configuration.
 */
package dev.dynamotest.spring;

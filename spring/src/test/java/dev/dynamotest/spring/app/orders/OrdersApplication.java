package dev.dynamotest.spring.app.orders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** A Spring Boot application on Spring Cloud AWS's DynamoDB auto-configuration; its tables have a prefix. */
@SpringBootApplication
@PropertySource("classpath:orders.properties")
public class OrdersApplication {
}

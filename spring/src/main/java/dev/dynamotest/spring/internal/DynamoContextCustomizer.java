package dev.dynamotest.spring.internal;

import dev.dynamotest.junit.Transport;
import dev.dynamotest.spring.DynamoTestClients;
import java.util.Objects;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.regions.Region;

/**
 * Points the application context of a {@code @DynamoTest} class at the endpoint of the class running now: the
 * properties first in its environment, and the beans {@link DynamoTestClients}, {@code Dynamo} and (with Spring Cloud
 * AWS, in process) a {@code DynamoDbClientCustomizer}.
 *
 * <p>Equal for all classes of one region and transport, so that Spring's context cache gives them one context: its
 * clients reach, request by request, the endpoint of the class bound to it ({@link EndpointRouter}), never an
 * endpoint an earlier class left.
 */
final class DynamoContextCustomizer implements ContextCustomizer {

    private static final String SPRING_CLOUD_AWS_CUSTOMIZER =
            "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbClientCustomizer";

    private final String region;
    private final Transport transport;

    DynamoContextCustomizer(String region, Transport transport) {
        this.region = region;
        this.transport = transport;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        EndpointRouter router = new EndpointRouter(config.getTestClass());
        RoutedHttpClient httpClient = new RoutedHttpClient(router);
        DynamoTestClients clients = new DynamoTestClients(httpClient, Region.of(region));
        HttpFront front = new HttpFront(httpClient);
        context.getEnvironment().getPropertySources()
                .addFirst(new ContextProperties(region, () -> front.url().toString()));
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton("dynamoTestEndpointRouter", router);
        beans.registerSingleton("dynamoTestClients", clients);
        beans.registerSingleton("dynamo", RoutedDynamo.create(router));
        if (transport == Transport.IN_PROCESS
                && ClassUtils.isPresent(SPRING_CLOUD_AWS_CUSTOMIZER, context.getClassLoader())) {
            beans.registerSingleton("dynamoTestDynamoDbClientCustomizer", new InProcessCustomizer(clients));
        }
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                try {
                    clients.close();
                } finally {
                    front.close();
                }
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DynamoContextCustomizer that && region.equals(that.region)
                && transport == that.transport;
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, transport);
    }
}

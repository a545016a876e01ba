package dev.dynamotest.core;

import dev.dynamotest.core.support.LocalEndpoint;
import static dev.dynamotest.core.support.LocalEndpoint.assertError;
import static dev.dynamotest.core.support.LocalEndpoint.attribute;
import static dev.dynamotest.core.support.LocalEndpoint.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;

class TagsTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = endpoint.client();
    }

    private static String table() {
        return endpoint.createTable("Tagged" + TABLES.incrementAndGet(), null);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Tag> tags(String arn) {
        return client.listTagsOfResource(r -> r.resourceArn(arn)).tags();
    }

    @Test
    void lists_the_tags_given_at_creation() {
        client.createTable(r -> r.tableName("CreatedWithTags").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(attribute("pk"))
                .tags(tag("team", "orders"), tag("env", "")));
        String arn = client.describeTable(r -> r.tableName("CreatedWithTags")).table().tableArn();

        assertThat(tags(arn)).containsExactlyInAnyOrder(tag("team", "orders"), tag("env", ""));
    }

    @Test
    void tags_overwrite_and_untag() {
        String arn = table();

        TagResourceResponse response = client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "1"), tag("b", "2")));
        client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "3")));
        client.untagResource(r -> r.resourceArn(arn).tagKeys("b", "not-there"));

        assertThat(response.sdkHttpResponse().isSuccessful()).isTrue();
        assertThat(tags(arn)).containsExactly(tag("a", "3"));
    }

    @Test
    void keeps_tags_out_of_the_table_description() {
        String arn = table();
        client.tagResource(r -> r.resourceArn(arn).tags(tag("a", "1")));

        String name = arn.substring(arn.indexOf('/') + 1);
        assertThat(client.describeTable(r -> r.tableName(name)).table().toString()).doesNotContain("__Tags");
    }

    @Test
    void rejects_more_than_50_tags_on_a_table() {
        String arn = table();
        List<Tag> forty = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forty.add(tag("k" + i, "v"));
        }
        client.tagResource(r -> r.resourceArn(arn).tags(forty));
        List<Tag> more = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            more.add(tag("extra" + i, "v"));
        }

        assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(more)), "ValidationException",
                "Number of Tags exceed the current limit for the provided ResourceArn");
        assertThat(tags(arn)).hasSize(40);
    }

    @Test
    void rejects_an_empty_tag_list() {
        String arn = table();

        assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(List.of())), "ValidationException",
                "Atleast one Tag needs to be provided as Input.");
    }

    @Test
    void rejects_tags_with_forbidden_characters() {
        String arn = table();

        assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("ok", "#!%"))), "ValidationException",
                "The Tag Value provided is invalid, Value: #!%");
        assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("<>", "ok"))), "ValidationException",
                "The Tag Key provided is invalid, Key: <>");
    }

    @Test
    void rejects_an_empty_or_too_long_tag_key() {
        String arn = table();

        assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("", "v"))), "ValidationException",
                "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member "
                        + "must have length greater than or equal to 1");
        assertError(() -> client.tagResource(r -> r.resourceArn(arn).tags(tag("k".repeat(129), "v"))),
                "ValidationException", "1 validation error detected: Value '" + "k".repeat(129) + "' at "
                        + "'tags.1.member.key' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 128");
    }

    @Test
    void rejects_a_resource_that_is_not_an_arn() {
        assertError(() -> client.tagResource(r -> r.resourceArn("Orders").tags(tag("a", "b"))),
                "AccessDeniedException", "User: arn:aws:iam::000000000000:root is not authorized to perform: "
                        + "dynamodb:TagResource on resource: Orders");
    }

    @Test
    void rejects_index_arns() {
        String arn = table();

        assertError(() -> client.listTagsOfResource(r -> r.resourceArn(arn + "/index/byX")), "ValidationException",
                "Invalid TableArn: Invalid ResourceArn provided as input " + arn + "/index/byX");
    }

    @Test
    void rejects_the_arn_of_a_missing_table() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Gone";

        assertError(() -> client.listTagsOfResource(r -> r.resourceArn(arn)), "ResourceNotFoundException",
                "Requested resource not found: ResourcArn: " + arn + " not found");
    }

    @Test
    void keeps_concurrent_tag_changes() throws InterruptedException {
        String arn = table();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            String key = "thread" + t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    client.tagResource(r -> r.resourceArn(arn).tags(tag(key, "v")));
                    client.untagResource(r -> r.resourceArn(arn).tagKeys(key));
                }
                client.tagResource(r -> r.resourceArn(arn).tags(tag(key, "final")));
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(tags(arn)).hasSize(threads.length).allMatch(t -> t.value().equals("final"));
    }
}

package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The Conditions, Fn::If and AWS::NoValue of CloudFormation templates, as a stack creation evaluates them. */
class TemplateConditionsTest {

    @Test
    void a_yaml_template_for_prod_enables_what_its_conditions_enable() {
        assertAllPassed(run(YamlProd.class), 1);
    }

    @Test
    void the_same_yaml_template_for_dev_leaves_out_what_its_conditions_leave_out() {
        assertAllPassed(run(YamlDev.class), 1);
    }

    @Test
    void the_same_yaml_template_for_test_takes_the_or_branch() {
        assertAllPassed(run(YamlTest.class), 1);
    }

    @Test
    void a_json_template_evaluates_not_and_or_and_the_resource_condition() {
        assertAllPassed(run(JsonDefault.class, JsonProd.class), 2);
    }

    static TableDescription describe(DynamoDbClient client, String table) {
        return client.describeTable(r -> r.tableName(table)).table();
    }

    static PointInTimeRecoveryStatus pointInTimeRecovery(DynamoDbClient client, String table) {
        return client.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus();
    }

    static List<Tag> tags(DynamoDbClient client, String table) {
        return client.listTagsOfResource(r -> r.resourceArn(describe(client, table).tableArn())).tags();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @DynamoTest(region = "eu-west-1")
    @DynamoTablesFrom(value = "cloudformation/conditions/conditional.yaml", parameters = "Stage=prod")
    static class YamlProd {
        @Test
        void prod(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("audit-prod", "orders-prod");
            assertThat(pointInTimeRecovery(client, "orders-prod")).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            TableDescription orders = describe(client, "orders-prod");
            assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
            assertThat(orders.provisionedThroughput().readCapacityUnits()).isEqualTo(20);
            assertThat(orders.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
            assertThat(orders.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                    .containsExactlyInAnyOrder("byPk", "byStatus");
            assertThat(orders.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(tags(client, "orders-prod")).containsExactly(tag("stage", "prod"));
        }
    }

    @DynamoTest(region = "eu-west-1")
    @DynamoTablesFrom(value = "cloudformation/conditions/conditional.yaml", parameters = "Stage=dev")
    static class YamlDev {
        @Test
        void dev(DynamoDbClient client) {
            assertThat(client.listTables().tableNames()).containsExactly("orders-dev");
            assertThat(pointInTimeRecovery(client, "orders-dev")).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
            TableDescription orders = describe(client, "orders-dev");
            assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(orders.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                    .containsExactly("byPk");
            assertThat(orders.streamSpecification()).isNull();
            assertThat(tags(client, "orders-dev")).containsExactlyInAnyOrder(tag("stage", "dev"),
                    tag("disposable", "yes"));
        }
    }

    @DynamoTest(region = "us-east-1")
    @DynamoTablesFrom(value = "cloudformation/conditions/conditional.yaml", parameters = "Stage=test")
    static class YamlTest {
        @Test
        void test(DynamoDbClient client) {
            TableDescription orders = describe(client, "orders-test");
            assertThat(orders.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                    .containsExactlyInAnyOrder("byPk", "byStatus");
            assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        }
    }

    @DynamoTest
    @DynamoTablesFrom("cloudformation/conditions/conditional.json")
    static class JsonDefault {
        @Test
        void dev_by_default(DynamoDbClient client, Dynamo dynamo) {
            assertThat(client.listTables().tableNames()).containsExactly("carts", "sessions-dev");
            assertThat(dynamo.clientFor(Region.US_WEST_2).listTables().tableNames()).isEmpty();
            assertThat(pointInTimeRecovery(client, "carts")).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
            assertThat(pointInTimeRecovery(client, "sessions-dev")).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
            assertThat(client.describeTimeToLive(r -> r.tableName("sessions-dev")).timeToLiveDescription()
                    .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        }
    }

    @DynamoTest
    @DynamoTablesFrom(value = "cloudformation/conditions/conditional.json", parameters = "Stage=prod")
    static class JsonProd {
        @Test
        void prod(DynamoDbClient client, Dynamo dynamo) {
            assertThat(client.listTables().tableNames()).containsExactly("ProdOnly", "carts", "sessions-prod");
            assertThat(pointInTimeRecovery(client, "carts")).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            assertThat(pointInTimeRecovery(dynamo.clientFor(Region.US_WEST_2), "carts"))
                    .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            assertThat(pointInTimeRecovery(client, "sessions-prod")).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            assertThat(client.describeTimeToLive(r -> r.tableName("sessions-prod")).timeToLiveDescription()
                    .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        }
    }
}

package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.beans.Invoice;
import dev.dynamotest.junit.beans.Parcel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@DynamoTest
@DynamoTablesFromBeans(value = {Invoice.class, Parcel.class}, stream = DynamoTable.StreamView.NEW_IMAGE)
class TablesFromBeansTest {

    @Test
    void a_bean_gives_its_keys_indexes_and_types(DynamoDbClient client) {
        TableDescription table = client.describeTable(b -> b.tableName("Invoice")).table();

        assertThat(table.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("customer HASH", "number RANGE");
        assertThat(table.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeTypeAsString())
                .containsExactlyInAnyOrder("customer:S", "number:N", "issuedOn:S", "status:S");
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byStatus");
            assertThat(index.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("status", "issuedOn");
            assertThat(index.projection().projectionTypeAsString()).isEqualTo("ALL");
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byIssue");
            assertThat(index.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("customer", "issuedOn");
        });
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
        assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void an_immutable_class_gives_its_table_too(DynamoDbClient client) {
        TableDescription table = client.describeTable(b -> b.tableName("Parcel")).table();

        assertThat(table.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeTypeAsString())
                .containsExactly("code:B");
    }

    @Test
    void a_class_the_enhanced_client_cannot_map_is_refused_by_name() {
        assertThat(failures(run(NotABean.class))).first().extracting(Throwable::getMessage).asString()
                .startsWith("@DynamoTablesFromBeans String on NotABean: the enhanced client cannot map the class (")
                .endsWith("); annotate it with @DynamoDbBean or @DynamoDbImmutable");
    }

    @DynamoTest
    @DynamoTablesFromBeans(String.class)
    static class NotABean {
        @Test
        void runs() {
        }
    }
}

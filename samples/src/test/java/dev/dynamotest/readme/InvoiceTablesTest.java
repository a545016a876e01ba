package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.assertions.Key;
import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import dev.dynamotest.junit.DynamoTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

@DynamoTest
@DynamoTablesFromBeans(Invoice.class)   // table "Invoice": key customer (S) + number (N), global index byStatus
class InvoiceTablesTest {

    @Test
    void the_table_follows_the_class(DynamoDbEnhancedClient enhanced, Dynamo dynamo) {
        DynamoDbTable<Invoice> invoices = enhanced.table("Invoice", TableSchema.fromBean(Invoice.class));
        Invoice invoice = new Invoice();
        invoice.setCustomer("C#1");
        invoice.setNumber(7);
        invoice.setStatus("OPEN");
        invoices.putItem(invoice);

        assertThat(dynamo.table("Invoice")).item(Key.of("customer", "C#1", "number", 7))
                .hasAttribute("status", "OPEN");
        assertThat(invoices.index("byStatus").query(q -> q.queryConditional(
                QueryConditional.keyEqualTo(
                        k -> k.partitionValue("OPEN")))).stream().flatMap(p -> p.items().stream()))
                .extracting(Invoice::getNumber).containsExactly(7L);
    }
}

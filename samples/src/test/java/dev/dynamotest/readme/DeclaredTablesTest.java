package dev.dynamotest.readme;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;

import dev.dynamotest.junit.Dynamo;
import dev.dynamotest.junit.DynamoIndex;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTablesFrom;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.ScalarType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

@DynamoTest
// begin tables
@DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk", sortKeyType = ScalarType.N,
        globalIndexes = @DynamoIndex(name = "byStatus", partitionKey = "status"),
        localIndexes = @DynamoIndex(name = "byDate", sortKey = "date"),
        stream = DynamoTable.StreamView.NEW_AND_OLD_IMAGES, ttlAttribute = "expiresAt")
@DynamoTable(name = "Blobs", partitionKey = "id", partitionKeyType = ScalarType.B,
        readCapacity = 5, writeCapacity = 5)            // PROVISIONED; without capacities: PAY_PER_REQUEST
@DynamoTable(name = "Archive", partitionKey = "id", region = "us-west-2")
@DynamoTablesFrom(value = {"tables/customers.json", "infra/template.yaml"}, parameters = "Stage=test")
// end tables
class DeclaredTablesTest {

    @Test
    void every_declared_table_exists(Dynamo dynamo) {
        assertThat(dynamo.tableNames()).containsExactlyInAnyOrder("Orders", "Blobs", "Customers", "Invoices-test");
        assertThat(dynamo.clientFor(Region.US_WEST_2).listTables().tableNames()).containsExactly("Archive");
    }
}

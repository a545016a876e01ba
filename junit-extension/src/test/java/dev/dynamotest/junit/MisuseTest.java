package dev.dynamotest.junit;

import static dev.dynamotest.junit.support.Fixtures.failures;
import static dev.dynamotest.junit.support.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MisuseTest {

    @Test
    void sort_key_type_without_sort_key() {
        assertThat(message(SortKeyTypeWithoutSortKey.class))
                .isEqualTo("@DynamoTable \"Orders\" on SortKeyTypeWithoutSortKey: sortKeyType is set but sortKey is empty");
    }

    @Test
    void read_capacity_without_write_capacity() {
        assertThat(message(HalfProvisioned.class)).isEqualTo("@DynamoTable \"Orders\" on HalfProvisioned: "
                + "readCapacity is set but writeCapacity is not; set both for a PROVISIONED table, or neither for "
                + "PAY_PER_REQUEST");
    }

    @Test
    void global_index_without_partition_key() {
        assertThat(message(IndexWithoutKey.class)).isEqualTo("@DynamoIndex \"byStatus\" of @DynamoTable \"Orders\" "
                + "on IndexWithoutKey: partitionKey is empty; a global index needs its own");
    }

    @Test
    void key_attribute_with_two_types() {
        assertThat(message(TwoTypes.class)).isEqualTo("@DynamoIndex \"byTotal\" of @DynamoTable \"Orders\" on "
                + "TwoTypes: attribute \"sk\" is typed N here but S elsewhere in the table; a key attribute has one type");
    }

    @Test
    void table_declared_twice() {
        assertThat(message(DeclaredTwice.class)).isEqualTo("@DynamoTable \"Orders\" on DeclaredTwice: table Orders "
                + "(us-east-1) is already declared by @DynamoTable \"Orders\" on DeclaredTwice; declare each table once");
    }

    @Test
    void table_the_endpoint_refuses() {
        assertThat(message(Refused.class)).startsWith("@DynamoTable \"Or\" on Refused: the endpoint refuses the table: "
                + "ValidationException: ");
    }

    @Test
    void missing_file() {
        assertThat(message(MissingFile.class)).startsWith("@DynamoTablesFrom \"tables/nope.json\" on MissingFile: "
                + "found no class-path resource or file tables/nope.json; put it under src/test/resources");
    }

    @Test
    void seed_for_an_undeclared_table() {
        assertThat(message(SeedUndeclared.class)).isEqualTo("@DynamoSeed \"seeds/orders-plain.json\" on "
                + "SeedUndeclared: table Orders (us-east-1) is not declared; declare it with @DynamoTable or "
                + "@DynamoTablesFrom (declared: [Customers])");
    }

    @Test
    void seed_array_without_table() {
        assertThat(message(SeedWithoutTable.class)).isEqualTo("@DynamoSeed \"seeds/orders-dynamodb.json\" on "
                + "SeedWithoutTable: the file holds an array of items but table is empty; name the table, or write "
                + "the file as {\"TableName\": [items...]}");
    }

    @Test
    void seed_item_the_table_refuses() {
        assertThat(message(SeedRefused.class)).startsWith("@DynamoSeed \"seeds/orders-dynamodb.json\" on SeedRefused: "
                + "item 1 for table Orders is refused: ValidationException: ");
    }

    private static String message(Class<?> fixture) {
        List<Throwable> failures = failures(run(fixture));
        assertThat(failures).isNotEmpty();
        return failures.get(0).getMessage();
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKeyType = ScalarType.N)
    static class SortKeyTypeWithoutSortKey {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", readCapacity = 5)
    static class HalfProvisioned {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", globalIndexes = @DynamoIndex(name = "byStatus"))
    static class IndexWithoutKey {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", sortKey = "sk",
            globalIndexes = @DynamoIndex(name = "byTotal", partitionKey = "sk", partitionKeyType = ScalarType.N))
    static class TwoTypes {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @DynamoTable(name = "Orders", partitionKey = "id")
    static class DeclaredTwice {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Or", partitionKey = "pk")
    static class Refused {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom("tables/nope.json")
    static class MissingFile {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTablesFrom("tables/customers-cli.json")
    @DynamoSeed("seeds/orders-plain.json")
    static class SeedUndeclared {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk")
    @DynamoSeed("seeds/orders-dynamodb.json")
    static class SeedWithoutTable {
        @Test
        void test() {
        }
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "id")
    @DynamoSeed(value = "seeds/orders-dynamodb.json", table = "Orders")
    static class SeedRefused {
        @Test
        void test() {
        }
    }
}

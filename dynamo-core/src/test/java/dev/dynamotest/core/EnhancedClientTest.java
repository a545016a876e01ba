package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.dynamotest.core.support.LocalEndpoint;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactGetItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The AWS SDK's enhanced client (DynamoDbEnhancedClient) against the endpoint: a bean and a static schema. */
class EnhancedClientTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbEnhancedClient enhanced;
    private static DynamoDbTable<Order> orders;
    private static DynamoDbTable<Account> accounts;

    /** An order of a customer, with a global index on status and time. */
    @DynamoDbBean
    public static class Order {
        private String customer;
        private Integer number;
        private String status;
        private String placedAt;
        private Long total;

        public Order() {
        }

        Order(String customer, int number, String status, String placedAt, long total) {
            this.customer = customer;
            this.number = number;
            this.status = status;
            this.placedAt = placedAt;
            this.total = total;
        }

        @DynamoDbPartitionKey
        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String customer) {
            this.customer = customer;
        }

        @DynamoDbSortKey
        public Integer getNumber() {
            return number;
        }

        public void setNumber(Integer number) {
            this.number = number;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = "byStatus")
        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        @DynamoDbSecondarySortKey(indexNames = "byStatus")
        public String getPlacedAt() {
            return placedAt;
        }

        public void setPlacedAt(String placedAt) {
            this.placedAt = placedAt;
        }

        public Long getTotal() {
            return total;
        }

        public void setTotal(Long total) {
            this.total = total;
        }
    }

    /** An account with a balance, mapped with a static (reflection-free) schema. */
    static final class Account {
        private String id;
        private long balance;

        String id() {
            return id;
        }

        long balance() {
            return balance;
        }

        static Account of(String id, long balance) {
            Account account = new Account();
            account.id = id;
            account.balance = balance;
            return account;
        }
    }

    private static final TableSchema<Account> ACCOUNT = StaticTableSchema.builder(Account.class)
            .newItemSupplier(Account::new)
            .addAttribute(String.class, a -> a.name("id").getter(Account::id).setter((x, v) -> x.id = v)
                    .tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("balance").getter(Account::balance)
                    .setter((x, v) -> x.balance = v))
            .build();

    @BeforeAll
    static void start() {
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(endpoint.client()).build();
        orders = enhanced.table("Orders", TableSchema.fromBean(Order.class));
        orders.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("byStatus")
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build());
        accounts = enhanced.table("Accounts", ACCOUNT);
        accounts.createTable();
    }

    @Test
    void puts_and_gets_a_bean() {
        orders.putItem(new Order("ann", 1, "NEW", "2024-05-01T10:00", 250));

        Order read = orders.getItem(Key.builder().partitionValue("ann").sortValue(1).build());

        assertThat(read).usingRecursiveComparison().isEqualTo(new Order("ann", 1, "NEW", "2024-05-01T10:00", 250));
        assertThat(orders.getItem(Key.builder().partitionValue("ann").sortValue(2).build())).isNull();
    }

    @Test
    void queries_a_global_index_in_sort_key_order_page_by_page() {
        orders.putItem(new Order("bob", 1, "SHIPPED", "2024-06-03", 10));
        orders.putItem(new Order("cid", 7, "SHIPPED", "2024-06-01", 20));
        orders.putItem(new Order("bob", 2, "SHIPPED", "2024-06-02", 30));
        orders.putItem(new Order("bob", 3, "CANCELLED", "2024-06-02", 40));
        orders.putItem(new Order("dan", 4, "SHIPPED", "2024-07-01", 50));
        DynamoDbIndex<Order> byStatus = orders.index("byStatus");

        List<Page<Order>> pages = byStatus.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        Key.builder().partitionValue("SHIPPED").sortValue("2024-06-01").build(),
                        Key.builder().partitionValue("SHIPPED").sortValue("2024-06-30").build()))
                .limit(2).build()).stream().toList();

        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Order::getPlacedAt))
                .containsExactly("2024-06-01", "2024-06-02", "2024-06-03");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).lastEvaluatedKey()).containsOnlyKeys("status", "placedAt", "customer", "number");
    }

    @Test
    void a_transaction_moves_money_between_accounts_or_does_nothing() {
        accounts.putItem(Account.of("a", 100));
        accounts.putItem(Account.of("b", 0));

        enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(accounts, withdraw("a", 100, 60))
                .addPutItem(accounts, Account.of("b", 60))
                .build());
        TransactionCanceledException refused = catchThrowableOfType(TransactionCanceledException.class,
                () -> enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addUpdateItem(accounts, withdraw("a", 100, 60))
                        .addPutItem(accounts, Account.of("b", 120))
                        .build()));
        var balances = enhanced.transactGetItems(TransactGetItemsEnhancedRequest.builder()
                .addGetItem(accounts, Key.builder().partitionValue("a").build())
                .addGetItem(accounts, Key.builder().partitionValue("b").build())
                .build());

        assertThat(refused.cancellationReasons()).extracting(r -> r.code())
                .containsExactly("ConditionalCheckFailed", "None");
        assertThat(balances).extracting(doc -> doc.getItem(accounts).balance()).containsExactly(40L, 60L);
    }

    /** Takes {@code amount} from an account whose balance was seen as {@code seen} (optimistic locking). */
    private static TransactUpdateItemEnhancedRequest<Account> withdraw(String id, long seen, long amount) {
        return TransactUpdateItemEnhancedRequest.builder(Account.class)
                .item(Account.of(id, seen - amount))
                .conditionExpression(Expression.builder().expression("balance = :seen")
                        .putExpressionValue(":seen", AttributeValue.fromN(Long.toString(seen))).build())
                .build();
    }
}

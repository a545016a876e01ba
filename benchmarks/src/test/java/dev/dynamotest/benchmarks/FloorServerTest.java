package dev.dynamotest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SDK accepts the floor's fixed answers: the setup and every step of the workload succeed once. */
class FloorServerTest {

    @Test
    void the_sdk_accepts_every_fixed_answer() {
        try (FloorServer floor = FloorServer.start("127.0.0.1", 0);
             DynamoDbClient client = LoopbackClient.create(floor.endpoint(), 1)) {
            assertThatCode(() -> BenchTables.create(client, Dataset.TABLE)).doesNotThrowAnyException();
            assertThatCode(() -> BatchLoader.load(client, Dataset.TABLE, 0, 30, 2, n -> Items.item("item#" + n, "0")))
                    .doesNotThrowAnyException();
            Worker worker = new Worker(0);
            for (Operation op : Operation.values()) {
                assertThatCode(() -> op.step().run(client, worker)).as(op.wireName()).doesNotThrowAnyException();
            }
            assertThat(client.getItem(b -> b.tableName("Bench").key(Items.key("item#1", "0"))).item())
                    .containsEntry("payload", Items.s(Items.PAYLOAD));
        }
    }

    @Test
    void a_phase_stops_after_its_number_of_calls() {
        try (FloorServer floor = FloorServer.start("127.0.0.1", 0);
             DynamoDbClient client = LoopbackClient.create(floor.endpoint(), 2)) {
            Measurement m = new Phase("GetItem", Operation.GET_ITEM.step(), 2, 10, java.time.Duration.ofMinutes(1))
                    .run("floor", client);

            assertThat(m.ops()).isEqualTo(10);
            assertThat(m.errors()).isZero();
            assertThat(m.p99Nanos()).isGreaterThanOrEqualTo(m.p50Nanos()).isPositive();
        }
    }
}

package dev.dynamotest.junit.remote;

import static dev.dynamotest.junit.support.Fixtures.assertAllPassed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.support.ExternalServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;

/** {@code @DynamoTest} classes against our standalone endpoint jar, running in a JVM of its own. */
class StandaloneJarTest extends RemoteBackendContract {

    private static ExternalServer server;

    @BeforeAll
    static void start() {
        server = ExternalServer.jar(Path.of(System.getProperty("dynamotest.it.serverJar",
                "../server/target/dynamotest-server.jar")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String endpoint() {
        return server.endpoint();
    }

    /** dynalite has no streams; our server does, and the injected streams client reads them by declared name. */
    @Test
    void the_streams_client_reads_a_declared_table_s_stream() {
        assertAllPassed(run(Streams.class), 1);
    }

    @DynamoTest
    @DynamoTable(name = "Orders", partitionKey = "pk", stream = DynamoTable.StreamView.NEW_IMAGE)
    static class Streams {
        @Test
        void reads_the_records(DynamoDbClient client, DynamoDbStreamsClient streams) {
            client.putItem(r -> r.tableName("Orders").item(Map.of("pk", AttributeValue.fromS("A#1"))));

            List<Stream> listed = streams.listStreams(r -> r.tableName("Orders")).streams();
            assertThat(listed).singleElement().satisfies(s -> {
                assertThat(s.tableName()).isEqualTo("Orders");
                assertThat(s.streamArn()).contains(":table/Orders/stream/");
            });
            String arn = listed.get(0).streamArn();
            String shard = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records())
                    .singleElement().satisfies(rec -> assertThat(rec.eventNameAsString()).isEqualTo("INSERT"));
        }
    }
}

package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChangeCaptureTest {

    private LocalEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = new LocalEndpoint();
        endpoint.createTable("Orders", null);
        endpoint.createTable("Customers", null);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private void put(String table, String pk) {
        endpoint.client().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk))));
    }

    @Test
    void holds_only_the_changes_committed_after_the_mark() {
        put("Orders", "before");
        ChangeCapture capture = endpoint.server().engine().changes().mark();

        put("Orders", "A#1");
        put("Customers", "C#1");

        assertThat(capture.records()).extracting(r -> r.keys().get("pk").toString())
                .containsExactly("S:A#1", "S:C#1");
        assertThat(capture.mark()).isEqualTo(1);
    }

    @Test
    void filters_by_table_name() {
        ChangeCapture capture = endpoint.server().engine().changes().mark();

        put("Orders", "A#1");
        put("Customers", "C#1");

        assertThat(capture.records("Customers")).extracting(ChangeRecord::tableName).containsExactly("Customers");
    }

    @Test
    void sees_changes_made_after_it_was_first_read() {
        ChangeCapture capture = endpoint.server().engine().changes().mark();
        assertThat(capture.records()).isEmpty();

        put("Orders", "A#1");

        assertThat(capture.records()).hasSize(1);
    }
}

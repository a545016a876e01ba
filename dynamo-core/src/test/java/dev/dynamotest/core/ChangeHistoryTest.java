package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.changes.ChangeHistory;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.support.LocalEndpoint;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChangeHistoryTest {

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
        ChangeHistory capture = endpoint.server().engine().changes().fromNow();

        put("Orders", "A#1");
        put("Customers", "C#1");

        assertThat(capture.records()).extracting(r -> r.keys().get("pk").toString())
                .containsExactly("S:A#1", "S:C#1");
        assertThat(capture.mark()).isEqualTo(1);
    }

    @Test
    void filters_by_table_name() {
        ChangeHistory capture = endpoint.server().engine().changes().fromNow();

        put("Orders", "A#1");
        put("Customers", "C#1");

        assertThat(capture.records("Customers")).extracting(ChangeRecord::tableName).containsExactly("Customers");
    }

    @Test
    void sees_changes_made_after_it_was_first_read() {
        ChangeHistory capture = endpoint.server().engine().changes().fromNow();
        assertThat(capture.records()).isEmpty();

        put("Orders", "A#1");

        assertThat(capture.records()).hasSize(1);
    }

    @Test
    void the_engines_history_holds_every_change_and_a_history_from_now_only_the_later_ones() {
        put("Orders", "before");
        ChangeHistory all = endpoint.server().engine().changes();
        ChangeHistory later = all.fromNow();

        put("Orders", "A#1");

        assertThat(all.mark()).isZero();
        assertThat(all.records()).extracting(r -> r.keys().get("pk").toString()).containsExactly("S:before", "S:A#1");
        assertThat(later.since(0)).extracting(r -> r.keys().get("pk").toString()).containsExactly("S:A#1");
        assertThat(later.lastSequence()).isEqualTo(all.lastSequence()).isEqualTo(2);
    }
}

package dev.dynamotest.assertions;

import static dev.dynamotest.assertions.DynamoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.assertions.support.TestEndpoint;
import dev.dynamotest.core.changes.ChangeHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangesAssertTest {

    private static final Key A1 = Key.of("pk", "A#1", "sk", 1);

    private final TestEndpoint endpoint = new TestEndpoint();
    private ChangeHistory changes;
    private long mark;

    @BeforeEach
    void reset() {
        endpoint.reset();
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "NEW");
        changes = endpoint.mark();
        mark = changes.mark();
    }

    @AfterAll
    void close() {
        endpoint.close();
    }

    private void ship() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "SHIPPED");
        endpoint.put("Customers", "id", "C#1");
        endpoint.delete("Customers", "id", "C#1");
    }

    @Test
    void has_size_passes_counting_only_changes_after_the_mark() {
        ship();

        assertThat(changes).hasSize(3);
    }

    @Test
    void has_size_fails_listing_the_changes() {
        ship();

        assertThatThrownBy(() -> assertThat(changes).hasSize(1)).hasMessage("""
                [Changes since sequence %d]
                Expecting number of changes:
                  3
                to be:
                  1
                Changes:
                  MODIFY Orders {pk=A#1, sk=1}: "status" "NEW" -> "SHIPPED"
                  INSERT Customers {id=C#1}: {"id": "C#1"}
                  REMOVE Customers {id=C#1}""".formatted(mark));
    }

    @Test
    void is_empty_passes_when_nothing_changed() {
        assertThat(changes).isEmpty();
    }

    @Test
    void is_empty_fails_listing_the_changes() {
        endpoint.put("Customers", "id", "C#1");

        assertThatThrownBy(() -> assertThat(changes).isEmpty()).hasMessage("""
                [Changes since sequence %d]
                Expecting no changes, but there is 1:
                  INSERT Customers {id=C#1}: {"id": "C#1"}""".formatted(mark));
    }

    @Test
    void contains_insert_of_passes_and_shows_the_new_values() {
        endpoint.put("Orders", "pk", "A#2", "sk", 1, "status", "NEW");

        assertThat(changes).containsInsertOf(Key.of("pk", "A#2", "sk", 1)).hasNewValue("status", "NEW");
    }

    @Test
    void contains_insert_of_fails_when_there_are_no_changes() {
        assertThatThrownBy(() -> assertThat(changes).containsInsertOf(A1)).hasMessage("""
                [Changes since sequence %d]
                Expecting an insert of {pk=A#1, sk=1}, but there are no changes""".formatted(mark));
    }

    @Test
    void contains_insert_of_fails_listing_the_changes() {
        ship();

        assertThatThrownBy(() -> assertThat(changes).containsInsertOf(A1)).hasMessage("""
                [Changes since sequence %d]
                Expecting an insert of {pk=A#1, sk=1}, but there is none; the changes are:
                  MODIFY Orders {pk=A#1, sk=1}: "status" "NEW" -> "SHIPPED"
                  INSERT Customers {id=C#1}: {"id": "C#1"}
                  REMOVE Customers {id=C#1}""".formatted(mark));
    }

    @Test
    void contains_modification_of_passes_with_the_old_and_new_values() {
        ship();

        assertThat(changes).containsModificationOf(A1)
                .hasOldValue("status", "NEW")
                .hasNewValue("status", "SHIPPED");
    }

    @Test
    void old_and_new_values_of_several_modifications_are_before_the_first_and_after_the_last() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1, "status", "PACKED");
        ship();

        assertThat(changes).containsModificationOf(A1).hasOldValue("status", "NEW").hasNewValue("status", "SHIPPED");
    }

    @Test
    void has_old_value_fails_showing_both_values() {
        ship();

        assertThatThrownBy(() -> assertThat(changes).containsModificationOf(A1).hasOldValue("status", "PACKED"))
                .hasMessage("""
                        [Modification of {pk=A#1, sk=1}]
                        Expecting old value of attribute "status":
                          "NEW"
                        to be:
                          "PACKED\"""");
    }

    @Test
    void has_new_value_fails_when_the_attribute_is_gone() {
        endpoint.put("Orders", "pk", "A#1", "sk", 1);

        assertThatThrownBy(() -> assertThat(changes).onTable("Orders").containsModificationOf(A1)
                .hasNewValue("status", "SHIPPED")).hasMessage("""
                        [Modification of {pk=A#1, sk=1} in table Orders]
                        Expecting the new image:
                          {"pk": "A#1", "sk": 1}
                        to have attribute "status" equal to:
                          "SHIPPED"
                        but it has no attribute "status\"""");
    }

    @Test
    void contains_removal_of_passes_with_the_old_values() {
        endpoint.delete("Orders", "pk", "A#1", "sk", 1);

        assertThat(changes).containsRemovalOf(A1).hasOldValue("status", "NEW");
    }

    @Test
    void contains_removal_of_fails_listing_the_changes() {
        ship();

        assertThatThrownBy(() -> assertThat(changes).onTable("Orders").containsRemovalOf(A1)).hasMessage("""
                [Changes to table Orders since sequence %d]
                Expecting a removal of {pk=A#1, sk=1}, but there is none; the changes are:
                  MODIFY Orders {pk=A#1, sk=1}: "status" "NEW" -> "SHIPPED\"""".formatted(mark));
    }

    @Test
    void on_table_passes_keeping_only_that_tables_changes() {
        ship();

        assertThat(changes).onTable("Customers").hasSize(2)
                .containsInsertOf(Key.of("id", "C#1"))
                .containsRemovalOf(Key.of("id", "C#1"));
    }

    @Test
    void on_table_fails_counting_only_that_tables_changes() {
        ship();

        assertThatThrownBy(() -> assertThat(changes).onTable("Orders").hasSize(2)).hasMessage("""
                [Changes to table Orders since sequence %d]
                Expecting number of changes:
                  1
                to be:
                  2
                Changes:
                  MODIFY Orders {pk=A#1, sk=1}: "status" "NEW" -> "SHIPPED\"""".formatted(mark));
    }

    @Test
    void in_order_passes_when_the_changes_came_in_that_order() {
        ship();

        assertThat(changes).inOrder()
                .containsModificationOf(A1)
                .containsInsertOf(Key.of("id", "C#1"))
                .containsRemovalOf(Key.of("id", "C#1"));
    }

    @Test
    void in_order_fails_naming_the_change_it_had_to_come_after() {
        ship();

        assertThatThrownBy(() -> assertThat(changes).inOrder()
                .containsInsertOf(Key.of("id", "C#1"))
                .containsModificationOf(A1)).hasMessage("""
                [Changes since sequence %d]
                Expecting a modification of {pk=A#1, sk=1} after:
                  INSERT Customers {id=C#1}: {"id": "C#1"}
                but there is none; the changes are:
                  MODIFY Orders {pk=A#1, sk=1}: "status" "NEW" -> "SHIPPED"
                  INSERT Customers {id=C#1}: {"id": "C#1"}
                  REMOVE Customers {id=C#1}""".formatted(mark));
    }

    @Test
    void return_to_changes_goes_on_with_the_changes() {
        ship();

        assertThat(changes).containsModificationOf(A1).hasNewValue("status", "SHIPPED").returnToChanges().hasSize(3);
    }
}

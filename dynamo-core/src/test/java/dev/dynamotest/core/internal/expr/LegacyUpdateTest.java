package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.item;
import static dev.dynamotest.core.internal.expr.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyUpdateTest {

    private static Map<String, AttributeValue> apply(String updates, String itemJson) {
        return LegacyUpdate.parse(json(updates)).apply(item(itemJson));
    }

    @Test
    void put_add_and_delete_actions() {
        assertThat(apply("""
                {'a': {'Value': {'N': '1'}}, 'n': {'Action': 'ADD', 'Value': {'N': '-3.5'}},
                 'l': {'Action': 'ADD', 'Value': {'L': [{'N': '3'}]}}, 's': {'Action': 'ADD', 'Value': {'SS': ['y']}},
                 'd': {'Action': 'DELETE'}, 'e': {'Action': 'DELETE', 'Value': {'NS': ['1']}}}""",
                "{'n': {'N': '9'}, 'l': {'L': [{'N': '1'}]}, 's': {'SS': ['x']}, 'd': {'S': 'x'}, 'e': {'NS': ['1']}}"))
                .isEqualTo(item("""
                        {'n': {'N': '5.5'}, 'l': {'L': [{'N': '1'}, {'N': '3'}]}, 's': {'SS': ['x', 'y']},
                         'a': {'N': '1'}}"""));
    }

    @Test
    void delete_only_updates_do_not_create_items_but_empty_ones_do() {
        assertThat(LegacyUpdate.parse(json("{'a': {'Action': 'DELETE'}}")).createsItem()).isFalse();
        assertThat(LegacyUpdate.parse(json("{}")).createsItem()).isTrue();
    }

    @Test
    void rejects_bad_actions_and_types() {
        assertThatThrownBy(() -> LegacyUpdate.parse(json("{'a': {'Action': 'NONEXISTENT', 'Value': {'S': 'x'}}}")))
                .hasMessage("1 validation error detected: Value 'NONEXISTENT' at 'attributeUpdates.a.member.action'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        assertThatThrownBy(() -> LegacyUpdate.parse(json("{'a': {'Action': 'PUT'}}"))).hasMessage("One or more"
                + " parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
        assertThatThrownBy(() -> LegacyUpdate.parse(json("{'a': {'Action': 'DELETE', 'Value': {'S': 'b'}}}")))
                .hasMessageContaining(" type");
        assertThatThrownBy(() -> LegacyUpdate.parse(json("{'a': {'Action': 'ADD', 'Value': {'M': {}}}}")))
                .hasMessageContaining(" type");
        assertThatThrownBy(() -> apply("{'a': {'Action': 'ADD', 'Value': {'N': '2'}}}", "{'a': {'SS': ['dog']}}"))
                .hasMessage("One or more parameter values were invalid: Type mismatch for attribute to update");
        assertThatThrownBy(() -> apply("{'a': {'Action': 'DELETE', 'Value': {'SS': ['hi']}}}", "{'a': {'NS': ['1']}}"))
                .hasMessageContaining("mismatch");
    }
}

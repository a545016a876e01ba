package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.ctx;
import static dev.dynamotest.core.internal.expr.TestValues.item;
import static dev.dynamotest.core.internal.expr.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {

    private static Map<String, AttributeValue> apply(String expression, String valuesJson, String itemJson) {
        return UpdateExpression.parse(expression, values(valuesJson)).apply(item(itemJson));
    }

    private static String parseError(String expression, String valuesJson) {
        try {
            UpdateExpression.parse(expression, values(valuesJson));
        } catch (DynamoException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + expression);
    }

    private static String applyError(String expression, String valuesJson, String itemJson) {
        try {
            apply(expression, valuesJson, itemJson);
        } catch (DynamoException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + expression);
    }

    @Test
    void set_copies_adds_and_subtracts_without_touching_the_input() {
        Map<String, AttributeValue> old = item("{'a': {'N': '1'}, 'b': {'S': 'x'}}");
        Update u = UpdateExpression.parse("set c = a + :two, d = :two - a, e = b, f = if_not_exists(z, :two)",
                values("{':two': {'N': '2'}}"));
        assertThat(u.apply(old)).isEqualTo(item("""
                {'a': {'N': '1'}, 'b': {'S': 'x'}, 'c': {'N': '3'}, 'd': {'N': '1'}, 'e': {'S': 'x'},
                 'f': {'N': '2'}}"""));
        assertThat(old).hasSize(2);
        assertThat(u.createsItem()).isTrue();
    }

    @Test
    void list_append_and_if_not_exists_combine() {
        assertThat(apply("SET a = list_append(if_not_exists(a, :empty), :v)",
                "{':empty': {'L': []}, ':v': {'L': [{'S': 'x'}]}}", "{}"))
                .isEqualTo(item("{'a': {'L': [{'S': 'x'}]}}"));
        assertThat(apply("SET b = if_not_exists(b, :one) + :one", "{':one': {'N': '1'}}", "{'b': {'N': '5'}}"))
                .isEqualTo(item("{'b': {'N': '6'}}"));
    }

    @Test
    void nested_set_and_remove() {
        String old = "{'a': {'M': {'b': {'N': '3'}, 'c': {'L': [{'S': 'hi'}, {'M': {'x': {'N': '5'}}}]}}}}";
        assertThat(UpdateExpression.parse("SET a.c[1].#n = :v, a.d = a.b REMOVE a.b",
                ctx("{'#n': 'x'}", "{':v': {'N': '9'}}")).apply(item(old))).isEqualTo(item("""
                {'a': {'M': {'c': {'L': [{'S': 'hi'}, {'M': {'x': {'N': '9'}}}]}, 'd': {'N': '3'}}}}"""));
    }

    @Test
    void list_indexes_refer_to_the_original_positions_and_past_the_end_appends_in_order() {
        String list = "{'a': {'L': [{'N': '2'}, {'N': '3'}, {'N': '4'}, {'N': '5'}, {'N': '6'}, {'N': '7'}]}}";
        assertThat(apply("REMOVE a[1] SET a[3] = :v", "{':v': {'N': '17'}}", list)).isEqualTo(item(
                "{'a': {'L': [{'N': '2'}, {'N': '4'}, {'N': '17'}, {'N': '6'}, {'N': '7'}]}}"));
        assertThat(apply("SET a[84] = :a, a[37] = :b", "{':a': {'S': 'a1'}, ':b': {'S': 'a2'}}",
                "{'a': {'L': [{'S': 'one'}]}}")).isEqualTo(item(
                "{'a': {'L': [{'S': 'one'}, {'S': 'a2'}, {'S': 'a1'}]}}"));
        assertThat(apply("REMOVE a[17], a[0], a[2]", null, list)).isEqualTo(item(
                "{'a': {'L': [{'N': '3'}, {'N': '5'}, {'N': '6'}, {'N': '7'}]}}"));
    }

    @Test
    void add_and_delete_on_numbers_and_sets() {
        assertThat(apply("ADD n :one, s :s", "{':one': {'N': '1'}, ':s': {'SS': ['y']}}",
                "{'n': {'N': '41'}, 's': {'SS': ['x']}}"))
                .isEqualTo(item("{'n': {'N': '42'}, 's': {'SS': ['x', 'y']}}"));
        assertThat(apply("ADD n :one, s :s", "{':one': {'N': '1'}, ':s': {'NS': ['7']}}", "{}"))
                .isEqualTo(item("{'n': {'N': '1'}, 's': {'NS': ['7']}}"));
        assertThat(apply("DELETE s :s", "{':s': {'SS': ['x', 'q']}}", "{'s': {'SS': ['x', 'y']}}"))
                .isEqualTo(item("{'s': {'SS': ['y']}}"));
        assertThat(apply("DELETE s :s", "{':s': {'SS': ['x', 'y']}}", "{'s': {'SS': ['x', 'y']}, 'k': {'S': 'k'}}"))
                .isEqualTo(item("{'k': {'S': 'k'}}"));
        assertThat(apply("DELETE s :s", "{':s': {'SS': ['x']}}", "{'k': {'S': 'k'}}"))
                .isEqualTo(item("{'k': {'S': 'k'}}"));
    }

    @Test
    void remove_only_updates_do_not_create_items_and_ignore_missing_leaves() {
        Update u = UpdateExpression.parse("REMOVE a.y, b[7], c", ExpressionContext.empty());
        assertThat(u.createsItem()).isFalse();
        String old = "{'a': {'M': {'x': {'N': '3'}}}, 'b': {'L': [{'S': 'hi'}]}}";
        assertThat(u.apply(item(old))).isEqualTo(item(old));
        assertThat(UpdateExpression.parse("REMOVE x.y", ExpressionContext.empty()).apply(Map.of())).isEmpty();
        assertThat(apply("REMOVE a.b", null, "{'a': {'M': {'b': {'N': '1'}}}}")).isEqualTo(item("{'a': {'M': {}}}"));
    }

    @Test
    void reports_which_attributes_the_update_touches() {
        Update u = UpdateExpression.parse("SET a.b = :v, c = :v REMOVE d", values("{':v': {'N': '1'}}"));
        assertThat(u.topLevelAttributes()).containsExactly("a", "c", "d");
        assertThat(u.updatedAttributes(item("{'a': {'M': {'b': {'N': '1'}, 'z': {'N': '2'}}}, 'c': {'N': '1'}, 'q': {'N': '0'}}")))
                .isEqualTo(item("{'a': {'M': {'b': {'N': '1'}}}, 'c': {'N': '1'}}"));
        assertThatThrownBy(() -> u.checkKeyNotUpdated(Set.of("c")))
                .hasMessage("One or more parameter values were invalid: Cannot update attribute c. This attribute is"
                        + " part of the key");
    }

    @Test
    void rejects_repeated_clauses_and_unknown_clauses() {
        assertThat(parseError("SET a = :v REMOVE b SET c = :v", "{':v': {'N': '1'}}")).isEqualTo(
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(parseError("HELLO b = :v", "{':v': {'N': '1'}}")).isEqualTo(
                "Invalid UpdateExpression: Syntax error; token: \"HELLO\", near: \"HELLO b\"");
        assertThat(parseError("SET _123 = :v", "{':v': {'N': '1'}}")).isEqualTo(
                "Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"");
        assertThat(parseError("SET a[:x] = :v", "{':v': {'N': '1'}}")).startsWith("Invalid UpdateExpression: Syntax");
        assertThat(parseError("SET c = if_not_exists(c, :v+:v)", "{':v': {'N': '1'}}")).contains("Syntax error");
    }

    @Test
    void rejects_overlapping_and_conflicting_paths() {
        assertThat(parseError("SET a = :v REMOVE a.b", "{':v': {'N': '1'}}")).isEqualTo(
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of"
                        + " these paths; path one: [a], path two: [a, b]");
        assertThat(parseError("SET a[1][1] = :v, a[1] = :v", "{':v': {'N': '1'}}")).contains("overlap");
        assertThat(parseError("SET a.b = :v, a[1] = :v", "{':v': {'N': '1'}}")).isEqualTo(
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of"
                        + " these paths; path one: [a, b], path two: [a, [1]]");
        assertThat(UpdateExpression.parse("SET a.b = :v, a.c[1] = :v, b = a", values("{':v': {'N': '1'}}")))
                .isNotNull();
    }

    @Test
    void rejects_operands_of_the_wrong_type_at_parse_time() {
        assertThat(parseError("ADD a :v", "{':v': {'S': 'hello'}}")).isEqualTo(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand"
                        + " type: STRING");
        assertThat(parseError("ADD a :v", "{':v': {'L': []}}")).endsWith("operand type: LIST");
        assertThat(parseError("DELETE a :v", "{':v': {'N': '1'}}")).endsWith("operator: DELETE, operand type: NUMBER");
        assertThat(parseError("SET b = :a + :b", "{':a': {'S': 'dog'}, ':b': {'N': '3'}}")).isEqualTo(
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +,"
                        + " operand type: S");
        assertThat(parseError("SET a = list_append(:a, :b)", "{':a': {'L': []}, ':b': {'S': 'hi'}}")).endsWith(
                "operator or function: list_append, operand type: S");
        assertThat(parseError("SET a = list_append(:a)", "{':a': {'L': []}}")).isEqualTo(
                "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or"
                        + " function: list_append, number of operands: 1");
        assertThat(parseError("SET a = list_append(list_append(:a, :a), :a)", "{':a': {'L': []}}")).isEqualTo(
                "Invalid UpdateExpression: The function is not allowed to be used this way in an expression;"
                        + " function: list_append");
        assertThat(parseError("SET b = if_not_exists(:v, :v)", "{':v': {'N': '1'}}")).isEqualTo(
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function:"
                        + " if_not_exists");
        assertThat(parseError("SET a = f123_hi(b, c)", null)).isEqualTo(
                "Invalid UpdateExpression: Invalid function name; function: f123_hi");
        assertThat(parseError("SET a = LIST_APPEND(b, c)", null)).endsWith("function: LIST_APPEND");
    }

    @Test
    void rejects_values_of_the_wrong_type_when_applied() {
        assertThat(applyError("ADD b :v", "{':v': {'N': '1'}}", "{'b': {'S': 'hi'}}"))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyError("ADD a :v", "{':v': {'NS': ['3']}}", "{'a': {'L': []}}"))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyError("SET a = b + :v", "{':v': {'N': '1'}}", "{'b': {'S': 'x'}}"))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyError("SET a = list_append(b, :v)", "{':v': {'L': []}}", "{'x': {'S': 'x'}}"))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        assertThat(applyError("SET a = b", null, "{}"))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void rejects_paths_that_cannot_be_updated() {
        String old = "{'a': {'S': 'hello'}, 'b': {'L': [{'S': 'hi'}]}}";
        for (String expression : new String[] {"SET a.c = :v", "SET b.c = :v", "SET c.c = :v", "SET a[0] = :v",
                "SET c[0] = :v"}) {
            assertThat(applyError(expression, "{':v': {'N': '7'}}", old))
                    .isEqualTo("The document path provided in the update expression is invalid for update");
        }
        for (String expression : new String[] {"REMOVE a.c", "REMOVE b.c", "REMOVE c.c", "REMOVE a[0]"}) {
            assertThat(applyError(expression, null, old))
                    .isEqualTo("The document path provided in the update expression is invalid for update");
        }
    }

    @Test
    void arithmetic_checks_number_precision() {
        assertThat(applyError("SET a = a + :v", "{':v': {'N': '1'}}",
                "{'a': {'N': '9.9999999999999999999999999999999999999E+125'}}"))
                .startsWith("Number overflow");
        assertThat(applyError("ADD a :v", "{':v': {'N': '0.00000000000000000000000000000000000001'}}",
                "{'a': {'N': '1000000000000000000000000000000000000000'}}"))
                .startsWith("Number overflow");
    }
}

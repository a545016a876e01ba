package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.ctx;
import static dev.dynamotest.core.internal.expr.TestValues.json;
import static dev.dynamotest.core.internal.expr.TestValues.value;
import static dev.dynamotest.core.internal.expr.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.dynamotest.core.internal.expr.SortKeyCondition.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyConditionExpressionTest {

    private static final String VALUES = "{':p': {'S': 'x'}, ':c': {'N': '3'}, ':d': {'N': '5'}}";

    private static KeyCondition parse(String expression) {
        return KeyConditionExpression.parse(expression, values(VALUES), "p", "c");
    }

    @Test
    void reads_the_partition_key_value_and_the_sort_key_condition() {
        KeyCondition k = parse("p = :p AND c BETWEEN :c AND :d");
        assertThat(k.hashValue()).isEqualTo(value("{'S': 'x'}"));
        assertThat(k.sort().operator()).isEqualTo(Operator.BETWEEN);
        assertThat(k.sort().test(value("{'N': '4'}"))).isTrue();
        assertThat(k.sort().test(value("{'N': '6'}"))).isFalse();
        assertThat(parse(" p  =  :p ").sort()).isNull();
        assertThat(parse(":c < c AnD :p = p").sort().operator()).isEqualTo(Operator.GT);
        assertThat(parse("((c = :c) AND (p = :p))").sort().operator()).isEqualTo(Operator.EQ);
        KeyCondition prefix = KeyConditionExpression.parse("#k = :p AND begins_with(c, :s)",
                ctx("{'#k': 'p'}", "{':p': {'S': 'x'}, ':s': {'S': 'ab'}}"), "p", "c");
        assertThat(prefix.sort().test(value("{'S': 'abc'}"))).isTrue();
        assertThat(prefix.test(TestValues.item("{'p': {'S': 'x'}, 'c': {'S': 'b'}}"))).isFalse();
    }

    @Test
    void rejects_conditions_that_are_not_key_conditions() {
        assertThatThrownBy(() -> parse("p = :p AND p = :p"))
                .hasMessage("KeyConditionExpressions must only contain one condition per key");
        assertThatThrownBy(() -> parse("p < :p")).hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> parse("c = :c")).hasMessage("Query condition missed key schema element: p");
        assertThatThrownBy(() -> parse("p = :p AND c <> :c"))
                .hasMessage("Invalid operator used in KeyConditionExpression: <>");
        assertThatThrownBy(() -> parse("p = :p AND c IN (:c)"))
                .hasMessage("Invalid operator used in KeyConditionExpression: IN");
        assertThatThrownBy(() -> parse("c = :c OR p = :p"))
                .hasMessage("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> parse("NOT c = :c AND p = :p"))
                .hasMessage("Invalid operator used in KeyConditionExpression: NOT");
        assertThatThrownBy(() -> parse("p = :p AND attribute_exists(c)"))
                .hasMessage("Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThatThrownBy(() -> parse("p = :p AND dog(c, :c)"))
                .hasMessage("Invalid KeyConditionExpression: Invalid function name; function: dog");
        assertThatThrownBy(() -> parse("p = :p AND begins_with(c, :c)")).hasMessage("Invalid KeyConditionExpression:"
                + " Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertThatThrownBy(() -> parse("p = :p AND c != :c")).hasMessageContaining("Syntax error");
        assertThatThrownBy(() -> parse("p = :p AND a < :c"))
                .hasMessage("Query condition missed key schema element: c");
        assertThatThrownBy(() -> parse("p = :p AND a.b < :c")).hasMessageContaining("nested");
        assertThatThrownBy(() -> parse("p = c AND c = :c AND p = :p")).isNotNull();
        assertThatThrownBy(() -> parse("p")).hasMessageContaining("Syntax error");
        assertThatThrownBy(() -> parse("")).hasMessage("Invalid KeyConditionExpression: The expression can not be empty;");
    }

    @Test
    void checks_value_types_against_the_key_schema() {
        KeyCondition k = parse("p = :p AND c > :c");
        k.checkTypes("S", "N");
        assertThatThrownBy(() -> k.checkTypes("N", "N")).hasMessage(
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void reads_a_multi_attribute_key_left_to_right() {
        ExpressionContext ctx = values("{':a': {'S': 'x'}, ':b': {'N': '1'}, ':c': {'S': 'y'}, ':d': {'N': '2'}}");
        List<String> hash = List.of("h1", "h2");
        List<String> range = List.of("r1", "r2", "r3");

        KeyCondition k = KeyConditionExpression.parse("r1 = :c AND h2 = :b AND h1 = :a AND r2 > :d", ctx, hash, range);

        assertThat(k.partition()).containsExactly(entry("h1", value("{'S': 'x'}")), entry("h2", value("{'N': '1'}")));
        assertThat(k.sortConditions()).extracting(SortKeyCondition::name, SortKeyCondition::operator)
                .containsExactly(tuple("r1", Operator.EQ), tuple("r2", Operator.GT));
        assertThat(k.sort().name()).isEqualTo("r2");
        assertThat(KeyConditionExpression.parse("h1 = :a AND h2 = :b", values(
                "{':a': {'S': 'x'}, ':b': {'N': '1'}}"), hash, range).sortConditions()).isEmpty();
        assertThatThrownBy(() -> KeyConditionExpression.parse("h1 = :a AND r1 = :c AND h2 = :b AND r3 = :d",
                ctx, hash, range)).hasMessage("Query condition missed key schema element: r2");
        assertThatThrownBy(() -> KeyConditionExpression.parse("h1 = :a AND h2 = :b AND r1 < :c AND r2 = :d",
                ctx, hash, range)).hasMessage("Query key condition not supported");
        assertThatThrownBy(() -> KeyConditionExpression.parse("h1 = :a AND r1 = :c AND r2 = :d AND r3 = :b",
                ctx, hash, range)).hasMessage("Query condition missed key schema element: h2");
    }

    @Test
    void legacy_key_conditions_build_the_same_condition() {
        KeyCondition k = LegacyConditions.keyConditions(json("""
                {'p': {'AttributeValueList': [{'S': 'x'}], 'ComparisonOperator': 'EQ'},
                 'c': {'AttributeValueList': [{'N': '1'}, {'N': '2'}], 'ComparisonOperator': 'BETWEEN'}}"""),
                "p", "c");
        assertThat(k.sort().upper()).isEqualTo(value("{'N': '2'}"));
        assertThatThrownBy(() -> LegacyConditions.keyConditions(json(
                "{'c': {'AttributeValueList': [{'S': 'x'}], 'ComparisonOperator': 'EQ'}}"), "p", "c"))
                .hasMessage("Query condition missed key schema element: p");
        assertThatThrownBy(() -> LegacyConditions.keyConditions(json("""
                {'p': {'AttributeValueList': [{'S': 'x'}], 'ComparisonOperator': 'EQ'},
                 'c': {'AttributeValueList': [{'S': 'x'}], 'ComparisonOperator': 'EQ'},
                 'z': {'AttributeValueList': [{'S': 'x'}], 'ComparisonOperator': 'EQ'}}"""), "p", "c"))
                .hasMessage("Conditions can be of length 1 or 2 only");
    }
}

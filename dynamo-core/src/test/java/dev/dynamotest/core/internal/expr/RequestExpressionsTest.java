package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.item;
import static dev.dynamotest.core.internal.expr.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.internal.expr.RequestExpressions.Operation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestExpressionsTest {

    private static RequestExpressions parse(String request, Operation operation) {
        return RequestExpressions.parse(json(request), operation, "p", "c");
    }

    @Test
    void parses_condition_update_and_projection_of_one_request() {
        RequestExpressions rx = parse("""
                {'Key': {'p': {'S': 'k'}}, 'UpdateExpression': 'SET #a = :v', 'ConditionExpression': '#a <> :v',
                 'ExpressionAttributeNames': {'#a': 'a'}, 'ExpressionAttributeValues': {':v': {'N': '1'}}}""",
                Operation.UPDATE_ITEM);
        assertThat(rx.condition().test(Map.of())).isTrue();
        assertThat(rx.update().apply(Map.of())).isEqualTo(item("{'a': {'N': '1'}}"));
        assertThat(rx.projection()).isNull();
    }

    @Test
    void an_update_item_without_updates_changes_nothing_and_creates_the_item() {
        RequestExpressions rx = parse("{'Key': {'p': {'S': 'k'}}}", Operation.UPDATE_ITEM);
        assertThat(rx.update().createsItem()).isTrue();
        assertThat(rx.update().apply(item("{'p': {'S': 'k'}}"))).isEqualTo(item("{'p': {'S': 'k'}}"));
        assertThat(rx.condition()).isSameAs(Condition.ALWAYS);
    }

    @Test
    void rejects_mixing_expression_and_legacy_parameters() {
        assertThatThrownBy(() -> parse("""
                {'AttributeUpdates': {'a': {'Value': {'N': '1'}}}, 'ConditionExpression': 'a = :v',
                 'ExpressionAttributeValues': {':v': {'N': '2'}}}""", Operation.UPDATE_ITEM))
                .hasMessage("Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}");
        assertThatThrownBy(() -> parse("{'ProjectionExpression': 'a', 'AttributesToGet': ['b']}", Operation.GET_ITEM))
                .hasMessage("Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }

    @Test
    void rejects_names_and_values_that_are_unused_or_given_without_expressions() {
        assertThatThrownBy(() -> parse("""
                {'ConditionExpression': '#name2 = :val2', 'ExpressionAttributeNames': {'#name1': 'a', '#name2': 'b'},
                 'ExpressionAttributeValues': {':val1': {'N': '1'}, ':val2': {'N': '2'}, ':val3': {'N': '3'}}}""",
                Operation.PUT_ITEM)).hasMessage(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:val1, :val3}");
        assertThatThrownBy(() -> parse("""
                {'ConditionExpression': '#name2 = c', 'ExpressionAttributeNames': {'#name1': 'a', '#name2': 'b'}}""",
                Operation.DELETE_ITEM)).hasMessage(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#name1}");
        assertThatThrownBy(() -> parse("{'ExpressionAttributeNames': {'#n': 'x'}}", Operation.PUT_ITEM))
                .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
        assertThatThrownBy(() -> parse("{'ExpressionAttributeValues': {':v': {'N': '1'}}}", Operation.DELETE_ITEM))
                .hasMessage("ExpressionAttributeValues can only be specified when using expressions");
        assertThatThrownBy(() -> parse("{'ConditionExpression': 'a = b', 'ExpressionAttributeValues': {}}",
                Operation.PUT_ITEM)).hasMessage("ExpressionAttributeValues must not be empty");
        assertThatThrownBy(() -> parse("{'ProjectionExpression': 'a', 'ExpressionAttributeNames': {}}",
                Operation.GET_ITEM)).hasMessage("ExpressionAttributeNames must not be empty");
    }

    @Test
    void short_circuit_evaluation_does_not_make_references_unused() {
        RequestExpressions rx = parse("""
                {'ConditionExpression': '#n1 = :v1 OR #n2 = :v2', 'ExpressionAttributeNames': {'#n1': 'a', '#n2': 'b'},
                 'ExpressionAttributeValues': {':v1': {'N': '1'}, ':v2': {'N': '2'}}}""", Operation.PUT_ITEM);
        assertThat(rx.condition().test(item("{'a': {'N': '1'}}"))).isTrue();
    }

    @Test
    void a_name_is_used_if_any_expression_of_the_request_uses_it() {
        RequestExpressions rx = parse("""
                {'KeyConditionExpression': '#n1 = :v', 'ProjectionExpression': '#n2',
                 'ExpressionAttributeNames': {'#n1': 'p', '#n2': 'a'}, 'ExpressionAttributeValues': {':v': {'S': 'k'}}}""",
                Operation.QUERY);
        assertThat(rx.keyCondition().hashValue()).isEqualTo(TestValues.value("{'S': 'k'}"));
        assertThat(rx.projection().apply(item("{'p': {'S': 'k'}, 'a': {'N': '1'}}"))).isEqualTo(item("{'a': {'N': '1'}}"));
    }

    @Test
    void legacy_parameters_build_the_same_objects() {
        RequestExpressions rx = parse("""
                {'KeyConditions': {'p': {'AttributeValueList': [{'S': 'k'}], 'ComparisonOperator': 'EQ'}},
                 'QueryFilter': {'a': {'AttributeValueList': [{'N': '1'}], 'ComparisonOperator': 'GT'}},
                 'AttributesToGet': ['a']}""", Operation.QUERY);
        assertThat(rx.filter().test(item("{'a': {'N': '2'}}"))).isTrue();
        assertThat(rx.projection().topLevelAttributes()).containsExactly("a");
        assertThatThrownBy(() -> parse("""
                {'KeyConditions': {'p': {'AttributeValueList': [{'S': 'k'}], 'ComparisonOperator': 'EQ'}},
                 'QueryFilter': {'p': {'AttributeValueList': [{'S': 'k'}], 'ComparisonOperator': 'EQ'}}}""",
                Operation.QUERY)).hasMessageContaining(" p");
        assertThatThrownBy(() -> parse("{}", Operation.QUERY)).hasMessageContaining("KeyConditions");
    }

    @Test
    void conditional_operator_needs_expected() {
        assertThatThrownBy(() -> parse("{'AttributeUpdates': {}, 'ConditionalOperator': 'OR'}", Operation.UPDATE_ITEM))
                .hasMessageContaining("ConditionalOperator");
        assertThatThrownBy(() -> parse("{'Expected': {}, 'ConditionalOperator': 'AND'}", Operation.UPDATE_ITEM))
                .hasMessageContaining("ConditionalOperator");
        assertThat(parse("{'Expected': {}}", Operation.PUT_ITEM).condition().test(Map.of())).isTrue();
    }

    @Test
    void rejects_badly_formed_reference_keys() {
        assertThatThrownBy(() -> parse("{'UpdateExpression': 'SET # = :v', 'ExpressionAttributeNames': {'#': 'x'},"
                + " 'ExpressionAttributeValues': {':v': {'N': '1'}}}", Operation.UPDATE_ITEM))
                .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"");
    }
}

package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.item;
import static dev.dynamotest.core.internal.expr.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyConditionsTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {'a': {'N': '1'}, 's': {'S': 'hello'}, 'set': {'NS': ['1', '2']}, 'l': {'L': [{'N': '1'}]},
             'n': {'NULL': true}}""");

    private static boolean expected(String json) {
        return LegacyConditions.expected(json(json), null).test(ITEM);
    }

    private static boolean op(String attribute, String operator, String valueList) {
        return expected("{'" + attribute + "': {'ComparisonOperator': '" + operator + "', 'AttributeValueList': "
                + valueList + "}}");
    }

    @Test
    void value_and_exists_forms() {
        assertThat(expected("{'a': {'Value': {'N': '1'}}}")).isTrue();
        assertThat(expected("{'a': {'Value': {'N': '1'}, 'Exists': true}}")).isTrue();
        assertThat(expected("{'z': {'Value': {'N': '1'}}}")).isFalse();
        assertThat(expected("{'z': {'Exists': false}}")).isTrue();
        assertThat(expected("{'a': {'Exists': false}}")).isFalse();
        assertThat(expected("{}")).isTrue();
    }

    @Test
    void comparison_operators() {
        assertThat(op("set", "EQ", "[{'NS': ['2', '1']}]")).isTrue();
        assertThat(op("a", "NE", "[{'S': '1'}]")).isTrue();
        assertThat(op("q", "NE", "[{'N': '1'}]")).isTrue();
        assertThat(op("a", "LE", "[{'N': '1'}]")).isTrue();
        assertThat(op("a", "LT", "[{'N': '1'}]")).isFalse();
        assertThat(op("l", "LE", "[{'N': '3'}]")).isFalse();
        assertThat(op("n", "NOT_NULL", "[]")).isTrue();
        assertThat(expected("{'q': {'ComparisonOperator': 'NULL'}}")).isTrue();
        assertThat(op("s", "CONTAINS", "[{'S': 'ell'}]")).isTrue();
        assertThat(op("set", "CONTAINS", "[{'N': '2'}]")).isTrue();
        assertThat(op("set", "NOT_CONTAINS", "[{'N': '3'}]")).isTrue();
        assertThat(op("q", "NOT_CONTAINS", "[{'N': '3'}]")).isFalse();
        assertThat(op("s", "BEGINS_WITH", "[{'S': 'he'}]")).isTrue();
        assertThat(op("a", "IN", "[{'N': '3'}, {'N': '1'}]")).isTrue();
        assertThat(op("a", "BETWEEN", "[{'N': '0'}, {'N': '1'}]")).isTrue();
        assertThat(op("l", "BETWEEN", "[{'N': '0'}, {'N': '1'}]")).isFalse();
    }

    @Test
    void conditional_operator_or_combines_entries() {
        String two = "{'a': {'Value': {'N': '2'}}, 's': {'Value': {'S': 'hello'}}}";
        assertThat(LegacyConditions.expected(json(two), "OR").test(ITEM)).isTrue();
        assertThat(LegacyConditions.expected(json(two), "AND").test(ITEM)).isFalse();
        assertThatThrownBy(() -> LegacyConditions.expected(json(two), "xor")).hasMessage("1 validation error"
                + " detected: Value 'xor' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy"
                + " enum value set: [OR, AND]");
    }

    @Test
    void rejects_wrong_argument_counts_and_types() {
        assertThatThrownBy(() -> op("a", "EQ", "[{'N': '2'}, {'N': '3'}]")).hasMessage(
                "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
        assertThatThrownBy(() -> op("a", "NULL", "[{'N': '2'}]")).hasMessageContaining("NULL ComparisonOperator");
        assertThatThrownBy(() -> op("a", "IN", "[]")).hasMessageContaining("IN ComparisonOperator");
        assertThatThrownBy(() -> op("a", "LE", "[{'L': [{'N': '1'}]}]")).hasMessage(
                "One or more parameter values were invalid: ComparisonOperator LE is not valid for L AttributeValue"
                        + " type");
        assertThatThrownBy(() -> op("a", "CONTAINS", "[{'L': [{'N': '1'}]}]")).hasMessageContaining("CONTAINS");
        assertThatThrownBy(() -> op("a", "BEGINS_WITH", "[{'N': '3'}]")).hasMessageContaining("BEGINS_WITH");
        assertThatThrownBy(() -> op("a", "IN", "[{'N': '3'}, {'S': 'dog'}]")).hasMessage(
                "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same"
                        + " type");
        assertThatThrownBy(() -> op("a", "BETWEEN", "[{'N': '4'}, {'N': '3'}]")).hasMessage("The BETWEEN condition"
                + " was provided a range where the lower bound is greater than the upper bound");
        assertThatThrownBy(() -> op("a", "BETWEEN", "[{'SS': ['a']}, {'SS': ['b']}]")).hasMessageContaining(" type");
    }

    @Test
    void rejects_mixing_value_exists_and_comparison_operator() {
        assertThatThrownBy(() -> expected("{'a': {'Exists': true}}")).hasMessage("One or more parameter values were"
                + " invalid: Value must be provided when Exists is true for Attribute: a");
        assertThatThrownBy(() -> expected("{'a': {'Exists': false, 'Value': {'N': '1'}}}")).hasMessage("One or more"
                + " parameter values were invalid: Value cannot be used when Exists is false for Attribute: a");
        assertThatThrownBy(() -> expected(
                "{'a': {'Value': {'N': '3'}, 'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '3'}]}}"))
                .hasMessageContaining("cannot be used with ComparisonOperator");
    }

    @Test
    void filters_name_their_parameter_in_enum_errors() {
        assertThatThrownBy(() -> LegacyConditions.filter(json(
                "{'a': {'ComparisonOperator': 'eq', 'AttributeValueList': [{'N': '1'}]}}"), null, "queryFilter"))
                .hasMessage("1 validation error detected: Value 'eq' at 'queryFilter.a.member.comparisonOperator'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT,"
                        + " NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        assertThat(LegacyConditions.filter(json("{}"), null, "scanFilter").test(ITEM)).isTrue();
    }
}

package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.ctx;
import static dev.dynamotest.core.internal.expr.TestValues.item;
import static dev.dynamotest.core.internal.expr.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionExpressionTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {'a': {'N': '1'}, 'b': {'N': '2'}, 'c': {'N': '3'}, 's': {'S': 'hello'}, 'bin': {'B': 'fw=='},
             'nums': {'NS': ['2', '4', '7']}, 'lst': {'L': [{'N': '-1'}, {'N': '2'}, {'S': 'dog'}]},
             'mp': {'M': {'x': {'N': '1'}, 'y': {'L': [{'N': '-1'}, {'N': '2'}]}}}, 'flag': {'BOOL': true},
             'nul': {'NULL': true}}""");

    private static boolean test(String expression, String valuesJson) {
        return ConditionExpression.parse(expression, values(valuesJson)).test(ITEM);
    }

    private static boolean test(String expression) {
        return test(expression, null);
    }

    private static String error(String expression, String valuesJson) {
        try {
            ConditionExpression.parse(expression, values(valuesJson));
        } catch (DynamoException e) {
            assertThat(e.type()).isEqualTo("ValidationException");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + expression);
    }

    @Test
    void compares_numbers_by_value() {
        assertThat(test("a < :v", "{':v': {'N': '1.5'}}")).isTrue();
        assertThat(test("a = :v", "{':v': {'N': '1.0'}}")).isTrue();
        assertThat(test("a >= b")).isFalse();
        assertThat(test("c >= b")).isTrue();
        assertThat(test("a <> b")).isTrue();
    }

    @Test
    void comparing_different_types_is_false_not_an_error() {
        assertThat(test("a < :v", "{':v': {'S': '17'}}")).isFalse();
        assertThat(test("a = :v", "{':v': {'S': '1'}}")).isFalse();
        assertThat(test("a <> :v", "{':v': {'S': '1'}}")).isTrue();
        assertThat(test("lst < a")).isFalse();
    }

    @Test
    void missing_attributes_make_comparisons_false_but_not_equal_true() {
        assertThat(test("q = z")).isFalse();
        assertThat(test("q <> z")).isTrue();
        assertThat(test("q < :v", "{':v': {'N': '1'}}")).isFalse();
        assertThat(test("q BETWEEN z AND x")).isFalse();
    }

    @Test
    void strings_and_binaries_compare_by_unsigned_bytes() {
        assertThat(test("s < :v", "{':v': {'S': 'help'}}")).isTrue();
        assertThat(test("bin < :v", "{':v': {'B': 'gA=='}}")).isTrue(); // 0x7f < 0x80
        assertThat(ConditionExpression.parse("a < :v", values("{':v': {'S': '\uffff'}}"))
                .test(item("{'a': {'S': '\ud83d\ude00'}}"))).isFalse();
    }

    @Test
    void between_in_and_functions() {
        assertThat(test("b BETWEEN a AND c")).isTrue();
        assertThat(test("a BETWEEN :x AND :y", "{':x': {'N': '1'}, ':y': {'N': '1'}}")).isTrue();
        assertThat(test("a IN (:x, :y)", "{':x': {'S': 'dog'}, ':y': {'N': '1'}}")).isTrue();
        assertThat(test("q IN (:x)", "{':x': {'N': '1'}}")).isFalse();
        assertThat(test("attribute_exists(mp.y[1]) AND attribute_not_exists(mp.y[2])")).isTrue();
        assertThat(test("attribute_type(nums, :t)", "{':t': {'S': 'NS'}}")).isTrue();
        assertThat(test("attribute_type(:v, :t)", "{':v': {'N': '0'}, ':t': {'S': 'N'}}")).isTrue();
        assertThat(test("begins_with(s, :p)", "{':p': {'S': 'hel'}}")).isTrue();
        assertThat(test("begins_with(:p, s)", "{':p': {'S': 'hellohi'}}")).isTrue();
        assertThat(test("contains(s, :p)", "{':p': {'S': 'ell'}}")).isTrue();
        assertThat(test("contains(nums, :p)", "{':p': {'N': '4'}}")).isTrue();
        assertThat(test("contains(lst, :p)", "{':p': {'S': 'dog'}}")).isTrue();
        assertThat(test("contains(bin, :p)", "{':p': {'S': 'x'}}")).isFalse();
        assertThat(test("size(s) = :n AND size(nums) = :three AND size(mp) = :two",
                "{':n': {'N': '5'}, ':three': {'N': '3'}, ':two': {'N': '2'}}")).isTrue();
        assertThat(test("size(a) = :n", "{':n': {'N': '1'}}")).isFalse();
        assertThat(test("size(:s) >= :n", "{':s': {'S': 'abc'}, ':n': {'N': '3'}}")).isTrue();
    }

    @Test
    void nested_paths_and_name_references() {
        assertThat(test("mp.x < mp.y[1]")).isTrue();
        assertThat(test("mp.z < mp.y[100]")).isFalse();
        assertThat(ConditionExpression.parse("#a.#o = :two", ctx("{'#a': 'and', '#o': 'or'}", "{':two': {'N': '2'}}"))
                .test(item("{'and': {'M': {'or': {'N': '2'}}}}"))).isTrue();
    }

    @Test
    void and_binds_tighter_than_or_and_not_tighter_than_and() {
        assertThat(test("a < b OR c < b AND b < c")).isTrue();
        assertThat(test("NOT a < b AND c < b")).isFalse();
        assertThat(test("nOt NOT not NOT a < b")).isTrue();
        assertThat(test("b BETWEEN a AND c AND a < b")).isTrue();
        assertThat(test("(a < b OR b < a) AND (b < c AND (a < b OR b < c))")).isTrue();
    }

    @Test
    void an_empty_item_is_no_item() {
        Condition c = ConditionExpression.parse("attribute_not_exists(p)", ExpressionContext.empty());
        assertThat(c.test(Map.of())).isTrue();
    }

    @Test
    void names_the_top_level_attributes_it_reads() {
        var condition = ConditionExpression.parse("a.b[1] = :v AND (size(c) > :v OR NOT contains(#d, s))",
                ctx("{'#d': 'dee'}", "{':v': {'N': '1'}}"));

        assertThat(condition.topLevelAttributes()).containsExactly("a", "c", "dee", "s");
    }

    @Test
    void rejects_a_path_compared_with_itself() {
        assertThat(error("contains(a, a)", null)).isEqualTo("Invalid ConditionExpression: The first operand must be "
                + "distinct from the remaining operands for this operator or function; operator: contains, "
                + "first operand: [a]");
        assertThat(error("a.b = a.b", null)).endsWith("operator: =, first operand: [a, b]");
        assertThat(test("contains(a, s)")).isFalse();
    }

    @Test
    void rejects_ordering_of_constant_non_scalar_operands() {
        assertThat(error("a < :v", "{':v': {'L': [{'N': '1'}]}}")).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <,"
                        + " operand type: L");
        assertThat(error(":v >= a", "{':v': {'BOOL': true}}")).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
                        + " >=, operand type: BOOL");
    }

    @Test
    void rejects_between_with_bad_constant_bounds() {
        assertThat(error("a BETWEEN :x AND :y", "{':x': {'N': '2'}, ':y': {'N': '1'}}")).isEqualTo(
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to"
                        + " lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand:"
                        + " AttributeValue: {N:1}");
        assertThat(error("a BETWEEN :x AND :y", "{':x': {'N': '2'}, ':y': {'S': 'dog'}}")).isEqualTo(
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds;"
                        + " lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {S:dog}");
    }

    @Test
    void rejects_misused_functions() {
        assertThat(error("attribute_exists(:v)", "{':v': {'N': '3'}}")).isEqualTo(
                "Invalid ConditionExpression: Operator or function requires a document path; operator or function:"
                        + " attribute_exists");
        assertThat(error("attribute_type(a, :t)", "{':t': {'S': 'DOG'}}")).isEqualTo(
                "Invalid ConditionExpression: Invalid attribute type name found; type: DOG, valid types:"
                        + " { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
        assertThat(error("begins_with(a, :v)", "{':v': {'N': '2'}}")).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
                        + " begins_with, operand type: N");
        assertThat(error("size(a, a) = :v", "{':v': {'N': '2'}}")).isEqualTo(
                "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or"
                        + " function: size, number of operands: 2");
        assertThat(error("size(:v) >= :v", "{':v': {'N': '2'}}")).isEqualTo(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
                        + " size, operand type: N");
        assertThat(error("size(size(a)) >= :v", "{':v': {'N': '2'}}")).contains("operand type: N");
        assertThat(error("size(a)", null)).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
                        + " function: size");
        assertThat(error("attribute_exists(a) < :v", "{':v': {'N': '2'}}")).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression;"
                        + " function: attribute_exists");
        assertThat(error("if_not_exists(a, a) = :v", "{':v': {'N': '2'}}")).endsWith("function: if_not_exists");
        assertThat(error("dog(a) = :v", "{':v': {'N': '2'}}")).isEqualTo(
                "Invalid ConditionExpression: Invalid function name; function: dog");
    }

    @Test
    void reports_syntax_errors_with_token_and_surroundings() {
        assertThat(error("a IN ()", null)).isEqualTo(
                "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
        assertThat(error("a", null)).isEqualTo(
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"");
        assertThat(error("a != b", null)).isEqualTo(
                "Invalid ConditionExpression: Syntax error; token: \"!\", near: \"a !=\"");
    }

    @Test
    void rejects_reserved_words_and_empty_or_oversized_expressions() {
        assertThat(error("size < a", null)).isEqualTo(
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size");
        assertThat(error("", null)).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
        assertThat(error("a" + " ".repeat(4096) + "= b", null)).isEqualTo(
                "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression"
                        + " size: 4100");
        assertThat(ConditionExpression.parse("a" + " ".repeat(4092) + "= b", ExpressionContext.empty())
                .test(item("{'a': {'N': '1'}, 'b': {'N': '1'}}"))).isTrue();
    }

    @Test
    void filter_expression_errors_name_their_kind() {
        assertThatThrownBy(() -> ConditionExpression.parse("", ExpressionContext.empty(), ConditionExpression.FILTER))
                .hasMessage("Invalid FilterExpression: The expression can not be empty;");
    }

    @Test
    void enforces_in_operand_limit_operator_count_and_redundant_parentheses() {
        StringBuilder values = new StringBuilder("{");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            values.append(i == 0 ? "" : ",").append("':v").append(i).append("': {'N': '").append(i).append("'}");
            list.append(i == 0 ? "" : ",").append(":v").append(i);
        }
        values.append('}');
        String ninetyNine = list.substring(0, list.lastIndexOf(","));
        assertThat(ConditionExpression.parse("a IN (" + ninetyNine + ")", values(values.toString())).test(ITEM))
                .isTrue();
        assertThat(error("a IN (" + list + ")", values.toString())).contains("IN");
        assertThat(test("a<b " + "or (a<b ".repeat(149) + ")".repeat(149))).isTrue();
        assertThat(error("a<b " + "or (a<b ".repeat(454) + ")".repeat(454), null)).isEqualTo(
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        assertThat(error("not ".repeat(1000) + "a<b", null)).contains("too many operators");
        assertThat(error("((a < b))", null)).isEqualTo(
                "Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(test("((a < b) and a < b)")).isTrue();
        assertThat(error("(".repeat(2046) + "a<b" + ")".repeat(2046), null)).contains("redundant parentheses");
        assertThat(error("a < " + "size(".repeat(680) + "b" + ")".repeat(680), null)).contains("operand type: N");
        assertThat(error("a < " + "f(".repeat(1355) + "b" + ")".repeat(1355), null)).endsWith("function: f");
    }

    @Test
    void rejects_undefined_references() {
        assertThat(error("a = :nope", null)).isEqualTo("Invalid ConditionExpression: An expression attribute value"
                + " used in expression is not defined; attribute value: :nope");
        assertThatThrownBy(() -> ConditionExpression.parse("#n = a", ExpressionContext.empty()))
                .hasMessage("Invalid ConditionExpression: An expression attribute name used in the document path is"
                        + " not defined; attribute name: #n");
    }
}

package dev.dynamotest.core.internal.expr;

import static dev.dynamotest.core.internal.expr.TestValues.ctx;
import static dev.dynamotest.core.internal.expr.TestValues.item;
import static dev.dynamotest.core.internal.expr.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTest {

    private static final Map<String, AttributeValue> ITEM = item("""
            {'a': {'M': {'b': {'L': [{'N': '2'}, {'N': '4'}, {'M': {'x': {'S': 'hi'}, 'y': {'S': 'yo'}}}]},
                         'c': {'N': '5'}}},
             'b': {'S': 'hello'}}""");

    private static Map<String, AttributeValue> project(String expression) {
        return ProjectionExpression.parse(expression, ExpressionContext.empty()).apply(ITEM);
    }

    @Test
    void keeps_the_nesting_of_the_selected_paths() {
        assertThat(project(" a.c ,  b ")).isEqualTo(item("{'a': {'M': {'c': {'N': '5'}}}, 'b': {'S': 'hello'}}"));
        assertThat(project("a.b[2].y")).isEqualTo(item("{'a': {'M': {'b': {'L': [{'M': {'y': {'S': 'yo'}}}]}}}}"));
        assertThat(project("a.b[1], a.b[0]")).isEqualTo(item("{'a': {'M': {'b': {'L': [{'N': '2'}, {'N': '4'}]}}}}"));
        assertThat(project("a.x, a.b[0], x, a.b[3].x")).isEqualTo(item("{'a': {'M': {'b': {'L': [{'N': '2'}]}}}}"));
    }

    @Test
    void paths_the_item_lacks_give_nothing() {
        for (String expression : new String[] {"x", "a.b[3]", "a.x.y", "a.b.x", "a[0]", "a.b[0].x", "a.b[0][0]"}) {
            assertThat(project(expression)).as(expression).isEmpty();
        }
    }

    @Test
    void a_name_reference_is_one_path_element_even_with_a_dot() {
        Map<String, AttributeValue> dotted = item("{'a.b': {'S': 'hi'}, 'a': {'M': {'b': {'S': 'yo'}}}}");
        assertThat(ProjectionExpression.parse("#n", ctx("{'#n': 'a.b'}", null)).apply(dotted))
                .isEqualTo(item("{'a.b': {'S': 'hi'}}"));
        assertThat(ProjectionExpression.parse("#n1.#n2", ctx("{'#n1': 'a', '#n2': 'b'}", null)).apply(dotted))
                .isEqualTo(item("{'a': {'M': {'b': {'S': 'yo'}}}}"));
    }

    @Test
    void rejects_overlapping_and_conflicting_paths() {
        for (String expression : new String[] {"a, a", "a[1], a[1]", "a.b, a", "a, a.b[2].c", "a.b.d.e, a.b"}) {
            assertThatThrownBy(() -> project(expression)).as(expression).hasMessageContaining(" overlap");
        }
        assertThatThrownBy(() -> project("a.b, a[1]")).hasMessage("Invalid ProjectionExpression: Two document paths"
                + " conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two:"
                + " [a, [1]]");
        assertThatThrownBy(() -> project("a.b.c, a.b[1]")).hasMessageContaining(" conflict");
        assertThat(project("a.b, a.c[2]")).isNotNull();
        assertThat(project("a[1], a[2]")).isEmpty();
    }

    @Test
    void rejects_syntax_errors_reserved_words_and_deep_paths() {
        assertThatThrownBy(() -> project("a,")).hasMessage(
                "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThatThrownBy(() -> project(",a")).hasMessageStartingWith("Invalid ProjectionExpression: Syntax error");
        assertThatThrownBy(() -> project("a,,b")).hasMessageStartingWith("Invalid ProjectionExpression: Syntax error");
        assertThatThrownBy(() -> project("")).hasMessage(
                "Invalid ProjectionExpression: The expression can not be empty;");
        assertThatThrownBy(() -> project("name")).hasMessage(
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThat(project("a" + ".b".repeat(31))).isEmpty();
        assertThatThrownBy(() -> project("a" + ".b".repeat(32))).hasMessage(
                "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
        assertThat(project("x".repeat(4096))).isEmpty();
        assertThatThrownBy(() -> project("x".repeat(4097))).hasMessage("Invalid ProjectionExpression: Expression"
                + " size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void attributes_to_get_projects_top_level_names_and_rejects_duplicates() {
        assertThat(AttributesToGet.parse(json("['b', 'nothing']")).apply(ITEM)).isEqualTo(item("{'b': {'S': 'hello'}}"));
        assertThatThrownBy(() -> AttributesToGet.parse(json("['a', 'a']"))).hasMessage(
                "One or more parameter values were invalid: Duplicate value in attribute name: a");
        assertThatThrownBy(() -> AttributesToGet.parse(json("[]"))).hasMessageContaining("attributesToGet");
    }
}

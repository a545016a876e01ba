package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.internal.expr.lexer.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code ProjectionExpression}: document paths separated by commas.
 *
 * <pre>{@code
 * Projection p = ProjectionExpression.parse("pk, #n.b[2]", ctx);
 * Map<String, AttributeValue> shown = p.apply(item);
 * }</pre>
 */
public final class ProjectionExpression {

    /** The kind name DynamoDB uses in ProjectionExpression errors. */
    public static final String KIND = "ProjectionExpression";

    private ProjectionExpression() {
    }

    /** Parses the expression, rejecting overlapping or conflicting paths. */
    public static Projection parse(String text, ExpressionContext ctx) {
        return new Parser(text, ctx).parse();
    }

    private static final class Parser extends ExpressionParser {
        Parser(String text, ExpressionContext ctx) {
            super(text, ctx, KIND);
        }

        Projection parse() {
            List<Path> paths = new ArrayList<>();
            paths.add(parsePath());
            while (peek().kind() == Kind.COMMA) {
                next();
                paths.add(parsePath());
            }
            expectEnd();
            PathConflicts.check(paths, kind);
            return new Projection(paths);
        }

        @Override
        void checkOperandFunction(String name) {
            throw syntaxError();
        }

        @Override
        Operand function(String name, List<Operand> args) {
            throw syntaxError();
        }
    }
}

package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.internal.expr.lexer.Token.Kind;
import dev.dynamotest.core.internal.expr.lexer.Token;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses an {@code UpdateExpression}: SET, REMOVE, ADD and DELETE clauses, each at most once, in any order.
 *
 * <pre>{@code
 * Update u = UpdateExpression.parse("SET a = if_not_exists(a, :zero) + :one ADD tags :t", ctx);
 * }</pre>
 */
public final class UpdateExpression {

    /** The kind name DynamoDB uses in UpdateExpression errors. */
    public static final String KIND = "UpdateExpression";

    private UpdateExpression() {
    }

    /** Parses the expression, rejecting overlapping or conflicting paths. */
    public static Update parse(String text, ExpressionContext ctx) {
        return new Parser(text, ctx).parse();
    }

    private static final class Parser extends ExpressionParser {
        private final List<ExpressionUpdate.SetAction> sets = new ArrayList<>();
        private final List<Path> removes = new ArrayList<>();
        private final List<ExpressionUpdate.SetChange> adds = new ArrayList<>();
        private final List<ExpressionUpdate.SetChange> deletes = new ArrayList<>();
        private final List<Path> paths = new ArrayList<>();
        private int termDepth;

        Parser(String text, ExpressionContext ctx) {
            super(text, ctx, KIND);
        }

        Update parse() {
            Set<String> seen = new HashSet<>();
            do {
                Token t = peek();
                String clause = t.kind() == Kind.NAME ? t.text().toUpperCase(Locale.ROOT) : "";
                if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(clause)) {
                    throw syntaxError();
                }
                if (!seen.add(clause)) {
                    throw Errors.invalid(kind, "The \"" + clause
                            + "\" section can only be used once in an update expression;");
                }
                next();
                do {
                    parseAction(clause);
                } while (peek().kind() == Kind.COMMA && next() != null);
            } while (peek().kind() != Kind.EOF);
            PathConflicts.check(paths, kind);
            return new ExpressionUpdate(sets, removes, adds, deletes, paths);
        }

        private void parseAction(String clause) {
            Path path = parsePath();
            paths.add(path);
            switch (clause) {
                case "SET" -> {
                    expect(Kind.EQ);
                    sets.add(new ExpressionUpdate.SetAction(path, parseSetValue()));
                }
                case "REMOVE" -> removes.add(path);
                case "ADD" -> {
                    AttributeValue value = parseValueRef();
                    if (!(value instanceof AttributeValue.N) && !Values.isSet(value)) {
                        throw Errors.invalid(kind, "Incorrect operand type for operator or function; operator: ADD"
                                + ", operand type: " + longTypeName(value));
                    }
                    adds.add(new ExpressionUpdate.SetChange(path, value));
                }
                default -> {
                    AttributeValue value = parseValueRef();
                    if (!Values.isSet(value)) {
                        throw Errors.invalid(kind, "Incorrect operand type for operator or function; operator: DELETE"
                                + ", operand type: " + longTypeName(value));
                    }
                    deletes.add(new ExpressionUpdate.SetChange(path, value));
                }
            }
        }

        private AttributeValue parseValueRef() {
            Token t = expect(Kind.VALUE_REF);
            return ctx.value(t.text(), kind);
        }

        /** {@code operand}, {@code operand + operand}, {@code operand - operand}, the latter two in parentheses. */
        private Operand parseSetValue() {
            Term term = parseTerm();
            return term.arithmetic() || !arithmeticAhead() ? term.operand() : arithmetic(term.operand());
        }

        /**
         * An operand, or an arithmetic value in parentheses: after {@code (} either may follow, told apart by a
         * {@code +} or {@code -} after the first operand.
         */
        private Term parseTerm() {
            if (peek().kind() != Kind.LPAREN) {
                return new Term(parseOperand(), false, false);
            }
            next();
            if (++termDepth > MAX_PATH_DEPTH) {
                throw redundantParentheses();
            }
            Term inner = parseTerm();
            if (!inner.arithmetic() && arithmeticAhead()) {
                inner = new Term(arithmetic(inner.operand()), true, false);
            }
            expect(Kind.RPAREN);
            termDepth--;
            if (inner.parenthesized()) {
                throw redundantParentheses();
            }
            return new Term(inner.operand(), inner.arithmetic(), true);
        }

        private boolean arithmeticAhead() {
            Kind k = peek().kind();
            return k == Kind.PLUS || k == Kind.MINUS;
        }

        /** {@code left + operand} or {@code left - operand}, at the {@code +} or {@code -}. */
        private Operand arithmetic(Operand left) {
            Kind k = next().kind();
            Operand right = parseOperand();
            String operator = k == Kind.PLUS ? "+" : "-";
            for (Operand operand : List.of(left, right)) {
                AttributeValue v = operand.constant();
                if (v != null && !(v instanceof AttributeValue.N)) {
                    throw Errors.operandType(kind, operator, v.type());
                }
            }
            return new Operand.Arithmetic(left, k == Kind.PLUS, right);
        }

        /** A parsed part of a SET value: whether it is {@code a + b} or {@code a - b}, whether in parentheses. */
        private record Term(Operand operand, boolean arithmetic, boolean parenthesized) {
        }

        @Override
        void checkOperandFunction(String name) {
            switch (name) {
                case "if_not_exists", "list_append" -> {
                }
                case "size", "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with",
                        "contains" -> throw Errors.notAllowed(kind, name);
                default -> throw Errors.unknownFunction(kind, name);
            }
        }

        @Override
        Operand function(String name, List<Operand> args) {
            checkArity(name, args, 2);
            if (name.equals("if_not_exists")) {
                if (!(args.get(0) instanceof Operand.PathOperand path)) {
                    throw Errors.requiresPath(kind, name);
                }
                return new Operand.IfNotExists(path.path(), args.get(1));
            }
            for (Operand arg : args) {
                if (arg instanceof Operand.ListAppend) {
                    throw Errors.notAllowed(kind, name);
                }
                AttributeValue v = arg.constant();
                if (v != null && !(v instanceof AttributeValue.L)) {
                    throw Errors.operandType(kind, name, v.type());
                }
            }
            return new Operand.ListAppend(args.get(0), args.get(1));
        }
    }

    /** The type names DynamoDB uses in ADD and DELETE errors. */
    static String longTypeName(AttributeValue value) {
        return switch (value.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "M" -> "MAP";
            case "L" -> "LIST";
            case "SS" -> "STRING_SET";
            case "NS" -> "NUMBER_SET";
            default -> "BINARY_SET";
        };
    }
}

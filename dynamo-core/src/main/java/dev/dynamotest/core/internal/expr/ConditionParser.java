package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.internal.expr.Condition.Comparator;
import dev.dynamotest.core.internal.expr.lexer.Token.Kind;
import dev.dynamotest.core.internal.expr.lexer.Token;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Set;

/** Parses the condition grammar shared by ConditionExpression, FilterExpression and KeyConditionExpression. */
final class ConditionParser extends ExpressionParser {

    /** DynamoDB's limit on AND, OR, NOT, comparators, BETWEEN and IN in one expression. */
    static final int MAX_OPERATORS = 300;
    /** DynamoDB's limit on the operands of IN, counting the left-hand one. */
    static final int MAX_IN_OPERANDS = 100;

    private static final Set<String> BOOLEAN_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private int operators;
    private int depth;

    ConditionParser(String text, ExpressionContext ctx, String kind) {
        super(text, ctx, kind);
    }

    Condition parse() {
        Condition condition = parseOr();
        expectEnd();
        return condition;
    }

    private Condition parseOr() {
        Condition left = parseAnd();
        while (peek().isKeyword("OR")) {
            next();
            countOperator();
            left = new Condition.Or(left, parseAnd());
        }
        return left;
    }

    private Condition parseAnd() {
        Condition left = parseNot();
        while (peek().isKeyword("AND")) {
            next();
            countOperator();
            left = new Condition.And(left, parseNot());
        }
        return left;
    }

    private Condition parseNot() {
        if (peek().isKeyword("NOT")) {
            next();
            countOperator();
            return new Condition.Not(parseNot());
        }
        return parsePrimary();
    }

    private void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw Errors.invalid(kind, "The expression contains too many operators; operator count: " + operators);
        }
    }

    private Condition parsePrimary() {
        Token t = peek();
        if (t.kind() == Kind.LPAREN && !parenthesisFollowedBy(ConditionParser::startsOperation)) {
            next();
            if (++depth > MAX_OPERATORS) {
                throw redundantParentheses();
            }
            Condition inner = parseOr();
            expect(Kind.RPAREN);
            depth--;
            if (inner instanceof Condition.Parens) {
                throw redundantParentheses();
            }
            return new Condition.Parens(inner);
        }
        if (t.kind() == Kind.NAME && peek(1).kind() == Kind.LPAREN && BOOLEAN_FUNCTIONS.contains(t.text())) {
            next();
            Condition condition = booleanFunction(t.text(), parseArguments());
            Token after = peek();
            if (startsOperation(after)) {
                throw Errors.notAllowed(kind, t.text());
            }
            return condition;
        }
        Operand left = parseOperand();
        Token op = peek();
        if (op.isComparator()) {
            next();
            countOperator();
            Comparator comparator = comparator(op.kind());
            Operand right = parseOperand();
            requireDistinct(comparator.symbol(), left, List.of(right));
            if (comparator != Comparator.EQ && comparator != Comparator.NE) {
                requireOrdered(comparator.symbol(), left);
                requireOrdered(comparator.symbol(), right);
            }
            return new Condition.Comparison(left, comparator, right);
        }
        if (op.isKeyword("BETWEEN")) {
            next();
            countOperator();
            Operand low = parseOperand();
            expectKeyword("AND");
            Operand high = parseOperand();
            requireDistinct("BETWEEN", left, List.of(low, high));
            checkBetween(left, low, high);
            return new Condition.Between(left, low, high);
        }
        if (op.isKeyword("IN")) {
            next();
            countOperator();
            List<Operand> candidates = parseArguments();
            requireDistinct("IN", left, candidates);
            if (candidates.size() + 1 > MAX_IN_OPERANDS) {
                throw Errors.invalid(kind, "Too many operands for operator or function; operator or function: IN"
                        + ", number of operands: " + (candidates.size() + 1));
            }
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Size) {
            throw Errors.notAllowed(kind, "size");
        }
        throw syntaxError();
    }

    /** Whether the token continues an operand into a comparison, BETWEEN or IN. */
    private static boolean startsOperation(Token token) {
        return token.isComparator() || token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }

    private static Comparator comparator(Kind kind) {
        return switch (kind) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            default -> Comparator.GE;
        };
    }

    /** DynamoDB refuses to compare a document path with itself. */
    private void requireDistinct(String operator, Operand first, List<Operand> rest) {
        if (first instanceof Operand.PathOperand path && rest.contains(first)) {
            throw Errors.invalid(kind, "The first operand must be distinct from the remaining operands for this "
                    + "operator or function; operator: " + operator + ", first operand: " + path.path());
        }
    }

    private void requireOrdered(String operator, Operand operand) {
        AttributeValue v = operand.constant();
        if (v != null && !Values.isOrdered(v)) {
            throw Errors.operandType(kind, operator, v.type());
        }
    }

    private void checkBetween(Operand value, Operand low, Operand high) {
        requireOrdered("BETWEEN", value);
        requireOrdered("BETWEEN", low);
        requireOrdered("BETWEEN", high);
        AttributeValue lo = low.constant();
        AttributeValue hi = high.constant();
        if (lo == null || hi == null) {
            return;
        }
        String bounds = "; lower bound operand: " + Values.describe(lo) + ", upper bound operand: "
                + Values.describe(hi);
        if (!lo.type().equals(hi.type())) {
            throw Errors.invalid(kind, "The BETWEEN operator requires same data type for lower and upper bounds"
                    + bounds);
        }
        if (Values.compare(lo, hi) > 0) {
            throw Errors.invalid(kind,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound" + bounds);
        }
    }

    private Condition booleanFunction(String name, List<Operand> args) {
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                checkArity(name, args, 1);
                if (!(args.get(0) instanceof Operand.PathOperand path)) {
                    throw Errors.requiresPath(kind, name);
                }
                return new Condition.AttributeExists(path.path(), name.equals("attribute_exists"));
            }
            case "attribute_type" -> {
                checkArity(name, args, 2);
                AttributeValue type = args.get(1).constant();
                if (!(args.get(1) instanceof Operand.ValueOperand)) {
                    throw Errors.invalid(kind, "Operator or function requires a value; operator or function: " + name);
                }
                if (!(type instanceof AttributeValue.S s)) {
                    throw Errors.operandType(kind, name, type.type());
                }
                if (!TYPES.contains(s.value())) {
                    throw Errors.invalid(kind, "Invalid attribute type name found; type: " + s.value()
                            + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
                }
                return new Condition.AttributeType(args.get(0), s.value());
            }
            case "begins_with" -> {
                checkArity(name, args, 2);
                requireDistinct(name, args.get(0), args.subList(1, 2));
                for (Operand arg : args) {
                    AttributeValue v = arg.constant();
                    if (v != null && !(v instanceof AttributeValue.S || v instanceof AttributeValue.B)) {
                        throw Errors.operandType(kind, name, v.type());
                    }
                }
                return new Condition.BeginsWith(args.get(0), args.get(1));
            }
            default -> {
                checkArity(name, args, 2);
                requireDistinct(name, args.get(0), args.subList(1, 2));
                return new Condition.Contains(args.get(0), args.get(1));
            }
        }
    }

    @Override
    void checkOperandFunction(String name) {
        if (name.equals("size")) {
            return;
        }
        if (BOOLEAN_FUNCTIONS.contains(name) || UPDATE_FUNCTIONS.contains(name)) {
            throw Errors.notAllowed(kind, name);
        }
        throw Errors.unknownFunction(kind, name);
    }

    @Override
    Operand function(String name, List<Operand> args) {
        checkArity(name, args, 1);
        Operand arg = args.get(0);
        if (arg instanceof Operand.Size) {
            throw Errors.operandType(kind, name, "N");
        }
        AttributeValue v = arg.constant();
        if (v != null && !Values.hasSize(v)) {
            throw Errors.operandType(kind, name, v.type());
        }
        return new Operand.Size(arg);
    }
}

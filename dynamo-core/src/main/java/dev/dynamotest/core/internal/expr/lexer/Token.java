package dev.dynamotest.core.internal.expr.lexer;

/** One lexical token of an expression, with its position in the expression text. */
public record Token(Kind kind, String text, int start, int end) {

    /** The kinds of token DynamoDB's expression lexer knows. */
    public enum Kind {
        NAME, NAME_REF, VALUE_REF, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, UNKNOWN, EOF
    }

    /** Whether this is a bare name equal to the keyword, ignoring case. */
    public boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    /** Whether this token is one of the six comparators. */
    public boolean isComparator() {
        return switch (kind) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    /** The token as DynamoDB shows it in a syntax error. */
    public String shown() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}

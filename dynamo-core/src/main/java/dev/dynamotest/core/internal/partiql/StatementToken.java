package dev.dynamotest.core.internal.partiql;

import java.util.Locale;

/** One lexical token of a PartiQL statement, with its line and column (both from 1) for error messages. */
record StatementToken(Kind kind, String text, int line, int column) {

    /** The kinds of token DynamoDB's PartiQL has. */
    enum Kind {
        /** A bare word: a keyword or an unquoted name. */
        WORD,
        /** A name in double quotes (the text is the name, unescaped). */
        QUOTED_NAME,
        /** A string in single quotes (the text is the string, unescaped). */
        STRING,
        NUMBER, PARAMETER, LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, LSET, RSET, COMMA, DOT, COLON,
        STAR, PLUS, MINUS, EQ, NE, LT, LE, GT, GE, SEMICOLON, EOF
    }

    /** Whether this is the bare word, in any case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The keyword in upper case, or the text as written. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The token as an error message names it, with its position. */
    String shown() {
        String what = switch (kind) {
            case EOF -> "end of statement";
            case STRING -> "'" + text + "'";
            case QUOTED_NAME -> "\"" + text + "\"";
            default -> text;
        };
        return what + " at line " + line + ", column " + column;
    }
}

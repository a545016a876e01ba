package dev.dynamotest.core.internal.partiql;

import dev.dynamotest.core.internal.partiql.StatementToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens in one pass: words, double-quoted names, single-quoted strings (a quote
 * doubled inside is one quote), numbers, {@code ?} and punctuation. {@code --} starts a comment to the end of
 * the line.
 */
final class StatementLexer {

    private final String text;
    private final List<StatementToken> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private StatementLexer(String text) {
        this.text = text;
    }

    static List<StatementToken> tokens(String statement) {
        StatementLexer lexer = new StatementLexer(statement);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) {
                tokens.add(new StatementToken(Kind.EOF, "", line, column(pos)));
                return;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private StatementToken next() {
        int start = pos;
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            return token(Kind.WORD, text.substring(start, pos), start);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))
                && !previousEndsPath()) {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return quoted(c, start);
        }
        pos++;
        return switch (c) {
            case '?' -> token(Kind.PARAMETER, "?", start);
            case '(' -> token(Kind.LPAREN, "(", start);
            case ')' -> token(Kind.RPAREN, ")", start);
            case '[' -> token(Kind.LBRACKET, "[", start);
            case ']' -> token(Kind.RBRACKET, "]", start);
            case '{' -> token(Kind.LBRACE, "{", start);
            case '}' -> token(Kind.RBRACE, "}", start);
            case ',' -> token(Kind.COMMA, ",", start);
            case '.' -> token(Kind.DOT, ".", start);
            case ':' -> token(Kind.COLON, ":", start);
            case ';' -> token(Kind.SEMICOLON, ";", start);
            case '*' -> token(Kind.STAR, "*", start);
            case '+' -> token(Kind.PLUS, "+", start);
            case '-' -> token(Kind.MINUS, "-", start);
            case '=' -> token(Kind.EQ, "=", start);
            case '<' -> lessThan(start);
            case '>' -> pair('>', Kind.RSET, ">>", Kind.GE, ">=", Kind.GT, start);
            case '!' -> {
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                    yield token(Kind.NE, "!=", start);
                }
                throw unexpectedCharacter(c, start);
            }
            default -> throw unexpectedCharacter(c, start);
        };
    }

    private StatementToken lessThan(int start) {
        if (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '<') {
                pos++;
                return token(Kind.LSET, "<<", start);
            }
            if (c == '=') {
                pos++;
                return token(Kind.LE, "<=", start);
            }
            if (c == '>') {
                pos++;
                return token(Kind.NE, "<>", start);
            }
        }
        return token(Kind.LT, "<", start);
    }

    private StatementToken pair(char same, Kind sameKind, String sameText, Kind eqKind, String eqText, Kind single,
            int start) {
        if (pos < text.length() && text.charAt(pos) == same) {
            pos++;
            return token(sameKind, sameText, start);
        }
        if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
            return token(eqKind, eqText, start);
        }
        return token(single, String.valueOf(text.charAt(start)), start);
    }

    private StatementToken number(int start) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        return token(Kind.NUMBER, text.substring(start, pos), start);
    }

    private StatementToken quoted(char quote, int start) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw StatementErrors.malformed("Unterminated " + (quote == '"' ? "quoted name" : "string")
                        + " at line " + line + ", column " + column(start));
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    value.append(quote);
                    pos++;
                    continue;
                }
                return token(quote == '"' ? Kind.QUOTED_NAME : Kind.STRING, value.toString(), start);
            }
            if (c == '\n') {
                line++;
                lineStart = pos;
            }
            value.append(c);
        }
    }

    private boolean previousEndsPath() {
        if (tokens.isEmpty()) {
            return false;
        }
        Kind last = tokens.get(tokens.size() - 1).kind();
        return last == Kind.WORD || last == Kind.QUOTED_NAME || last == Kind.RBRACKET;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private StatementToken token(Kind kind, String value, int start) {
        return new StatementToken(kind, value, line, column(start));
    }

    private int column(int offset) {
        return offset - lineStart + 1;
    }

    private RuntimeException unexpectedCharacter(char c, int start) {
        return StatementErrors.malformed("Unexpected character '" + c + "' at line " + line + ", column "
                + column(start));
    }
}

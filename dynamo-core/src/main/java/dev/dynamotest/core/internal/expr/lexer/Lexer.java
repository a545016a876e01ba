package dev.dynamotest.core.internal.expr.lexer;

import dev.dynamotest.core.internal.expr.lexer.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens by DynamoDB's lexical rules; unknown characters become UNKNOWN tokens. */
public final class Lexer {

    private Lexer() {
    }

    /** The tokens of the text, ending with an EOF token. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isLetter(c)) {
                i = wordEnd(text, i + 1);
                kind = Kind.NAME;
            } else if (isDigit(c)) {
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                i = wordEnd(text, i + 1);
                kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
            } else {
                i++;
                kind = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '[' -> Kind.LBRACKET;
                    case ']' -> Kind.RBRACKET;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    case '=' -> Kind.EQ;
                    case '+' -> Kind.PLUS;
                    case '-' -> Kind.MINUS;
                    case '<' -> {
                        if (i < n && text.charAt(i) == '>') {
                            i++;
                            yield Kind.NE;
                        }
                        if (i < n && text.charAt(i) == '=') {
                            i++;
                            yield Kind.LE;
                        }
                        yield Kind.LT;
                    }
                    case '>' -> {
                        if (i < n && text.charAt(i) == '=') {
                            i++;
                            yield Kind.GE;
                        }
                        yield Kind.GT;
                    }
                    default -> {
                        if (Character.isHighSurrogate(c) && i < n) {
                            i++;
                        }
                        yield Kind.UNKNOWN;
                    }
                };
            }
            tokens.add(new Token(kind, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Kind.EOF, "", n, n));
        return tokens;
    }

    private static int wordEnd(String text, int i) {
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}

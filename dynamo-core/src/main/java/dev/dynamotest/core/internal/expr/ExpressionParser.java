package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.lexer.Lexer;
import dev.dynamotest.core.internal.expr.lexer.ReservedWords;
import dev.dynamotest.core.internal.expr.lexer.Token.Kind;
import dev.dynamotest.core.internal.expr.lexer.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The recursive-descent machinery shared by all expression kinds: tokens, syntax errors, document paths,
 * {@code #name} and {@code :value} references, operands and function calls.
 */
abstract class ExpressionParser {

    /** The longest expression DynamoDB accepts, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** The deepest document path DynamoDB accepts. */
    static final int MAX_PATH_DEPTH = 32;

    final String kind;
    final String text;
    final ExpressionContext ctx;
    private final List<Token> tokens;
    private int pos;
    private int operandParens;

    ExpressionParser(String text, ExpressionContext ctx, String kind) {
        checkText(text, kind);
        this.kind = kind;
        this.text = text;
        this.ctx = ctx;
        this.tokens = Lexer.tokens(text);
    }

    /** DynamoDB's checks on the expression text before parsing: not empty, at most 4 KB. */
    static void checkText(String text, String kind) {
        if (text == null || text.isBlank()) {
            throw Errors.invalid(kind, "The expression can not be empty;");
        }
        if (text.length() > MAX_EXPRESSION_BYTES / 3) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_EXPRESSION_BYTES) {
                throw Errors.invalid(kind,
                        "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
            }
        }
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    Token expect(Kind kind) {
        if (peek().kind() != kind) {
            throw syntaxError();
        }
        return next();
    }

    void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw syntaxError();
        }
        next();
    }

    void expectEnd() {
        if (peek().kind() != Kind.EOF) {
            throw syntaxError();
        }
    }

    /** DynamoDB's syntax error at the current token, showing the text from the previous to the next token. */
    DynamoException syntaxError() {
        Token token = tokens.get(pos);
        Token previous = pos > 0 ? tokens.get(pos - 1) : null;
        Token following = pos + 1 < tokens.size() ? tokens.get(pos + 1) : null;
        int start = previous != null ? previous.start() : token.start();
        int end;
        if (following != null && following.kind() != Kind.EOF) {
            end = following.end();
        } else if (token.kind() != Kind.EOF) {
            end = token.end();
        } else {
            end = previous != null ? previous.end() : token.end();
        }
        return Errors.invalid(kind, "Syntax error; token: \"" + token.shown() + "\", near: \""
                + text.substring(start, end) + "\"");
    }

    /** DynamoDB's error for a pair of parentheses directly around another. */
    DynamoException redundantParentheses() {
        return Errors.invalid(kind, "The expression has redundant parentheses;");
    }

    /**
     * Whether the parenthesis at the current token closes before one of the tokens the predicate accepts: tells
     * {@code (a) = :v} (an operand in parentheses) from {@code (a = :v)} (a condition in parentheses).
     */
    boolean parenthesisFollowedBy(Predicate<Token> after) {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            Kind k = tokens.get(i).kind();
            if (k == Kind.LPAREN) {
                depth++;
            } else if (k == Kind.RPAREN && --depth == 0) {
                return i + 1 < tokens.size() && after.test(tokens.get(i + 1));
            } else if (k == Kind.EOF) {
                return false;
            }
        }
        return false;
    }

    /** A document path: {@code name ( . name | [ index ] )*}, names bare or {@code #references}. */
    Path parsePath() {
        List<Object> elements = new ArrayList<>();
        elements.add(parseName());
        while (true) {
            Kind k = peek().kind();
            if (k == Kind.DOT) {
                next();
                elements.add(parseName());
            } else if (k == Kind.LBRACKET) {
                next();
                Token number = expect(Kind.NUMBER);
                expect(Kind.RBRACKET);
                elements.add(index(number.text()));
            } else {
                break;
            }
        }
        if (elements.size() > MAX_PATH_DEPTH) {
            throw Errors.invalid(kind, "The document path has too many nesting levels; nesting levels: "
                    + elements.size());
        }
        return new Path(elements);
    }

    private static Integer index(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String parseName() {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            if (ReservedWords.contains(t.text())) {
                throw Errors.invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            next();
            return t.text();
        }
        if (t.kind() == Kind.NAME_REF) {
            next();
            return ctx.name(t.text(), kind);
        }
        throw syntaxError();
    }

    /**
     * An operand: a {@code :value}, a function call, a document path, or an operand in one pair of parentheses
     * (two pairs around the same operand are DynamoDB's redundant parentheses).
     */
    Operand parseOperand() {
        Token t = peek();
        if (t.kind() == Kind.LPAREN) {
            next();
            if (++operandParens > MAX_PATH_DEPTH) {
                throw redundantParentheses();
            }
            boolean nested = peek().kind() == Kind.LPAREN;
            Operand inner = parseOperand();
            expect(Kind.RPAREN);
            operandParens--;
            if (nested) {
                throw redundantParentheses();
            }
            return inner;
        }
        if (t.kind() == Kind.VALUE_REF) {
            next();
            return new Operand.ValueOperand(ctx.value(t.text(), kind));
        }
        if (t.kind() == Kind.NAME && peek(1).kind() == Kind.LPAREN) {
            checkOperandFunction(t.text());
            next();
            return function(t.text(), parseArguments());
        }
        if (t.kind() == Kind.NAME || t.kind() == Kind.NAME_REF) {
            return new Operand.PathOperand(parsePath());
        }
        throw syntaxError();
    }

    /** {@code ( operand , ... )}. */
    List<Operand> parseArguments() {
        expect(Kind.LPAREN);
        List<Operand> args = new ArrayList<>();
        args.add(parseOperand());
        while (peek().kind() == Kind.COMMA) {
            next();
            args.add(parseOperand());
        }
        expect(Kind.RPAREN);
        return args;
    }

    /** Rejects, before its arguments are parsed, a function name that cannot be an operand here. */
    abstract void checkOperandFunction(String name);

    /** The operand for a call of an accepted function. */
    abstract Operand function(String name, List<Operand> args);

    void checkArity(String function, List<Operand> args, int expected) {
        if (args.size() != expected) {
            throw Errors.operandCount(kind, function, args.size());
        }
    }
}

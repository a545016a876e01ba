package dev.dynamotest.core.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.partiql.StatementToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A hand-written recursive-descent parser of DynamoDB's PartiQL: SELECT, INSERT, UPDATE, DELETE and a
 * transaction's EXISTS(SELECT ...). Parameters ({@code ?}) are bound as they are met, so the result holds only
 * values. A syntax error names the token and its position.
 */
public final class StatementParser {

    /** DynamoDB's longest statement. */
    public static final int MAX_LENGTH = 8192;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 64;
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS",
            "MISSING", "NULL", "TRUE", "FALSE", "BETWEEN", "SET", "REMOVE", "UPDATE", "DELETE", "INSERT", "INTO",
            "VALUE", "VALUES", "RETURNING", "ORDER", "BY", "ASC", "DESC", "EXISTS", "ALL", "MODIFIED", "OLD", "NEW",
            "LIMIT", "GROUP", "HAVING", "JOIN", "AS", "UNION", "DISTINCT");

    private final List<StatementToken> tokens;
    private final JsonNode parameters;
    private int pos;
    private int used;
    private int depth;

    private StatementParser(List<StatementToken> tokens, JsonNode parameters) {
        this.tokens = tokens;
        this.parameters = parameters;
    }

    /** Parses the statement with its parameters (a JSON array of AttributeValues, or null for none). */
    public static Statement parse(String statement, JsonNode parameters) {
        StatementParser parser = new StatementParser(StatementLexer.tokens(statement), parameters);
        Statement parsed = parser.statement();
        int given = parameters == null ? 0 : parameters.size();
        if (parser.used != given) {
            throw StatementErrors.parameterCount();
        }
        return parsed;
    }

    private Statement statement() {
        StatementToken first = peek();
        Statement statement;
        if (first.is("SELECT")) {
            statement = select(false);
        } else if (first.is("EXISTS")) {
            next();
            expect(Kind.LPAREN);
            if (!peek().is("SELECT")) {
                throw unexpected(peek());
            }
            statement = select(true);
            expect(Kind.RPAREN);
        } else if (first.is("INSERT")) {
            statement = insert();
        } else if (first.is("UPDATE")) {
            statement = update();
        } else if (first.is("DELETE")) {
            statement = delete();
        } else {
            throw StatementErrors.malformed("Expected data manipulation");
        }
        if (peek().kind() == Kind.SEMICOLON) {
            next();
        }
        if (peek().kind() != Kind.EOF) {
            throw unexpected(peek());
        }
        return statement;
    }

    private Statement.Select select(boolean exists) {
        keyword("SELECT");
        List<DocumentPath> projection = new ArrayList<>();
        if (peek().kind() == Kind.STAR) {
            next();
        } else {
            do {
                projection.add(path());
            } while (accept(Kind.COMMA));
        }
        keyword("FROM");
        String table = name();
        String index = null;
        if (accept(Kind.DOT)) {
            index = name();
        }
        Predicate where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        DocumentPath orderBy = null;
        boolean descending = false;
        if (acceptKeyword("ORDER")) {
            keyword("BY");
            orderBy = path();
            if (acceptKeyword("DESC")) {
                descending = true;
            } else {
                acceptKeyword("ASC");
            }
        }
        return new Statement.Select(projection, table, index, where, orderBy, descending, exists);
    }

    private Statement.Insert insert() {
        keyword("INSERT");
        keyword("INTO");
        String table = name();
        if (peek().is("VALUES")) {
            throw unexpected(peek());
        }
        keyword("VALUE");
        StatementToken at = peek();
        JsonNode item = value();
        if (!item.has("M")) {
            throw StatementErrors.malformed("Expected an item, a map value {...}, at line " + at.line()
                    + ", column " + at.column());
        }
        return new Statement.Insert(table, (ObjectNode) item.get("M"));
    }

    private Statement.Update update() {
        keyword("UPDATE");
        String table = name();
        List<Statement.Assignment> set = new ArrayList<>();
        List<DocumentPath> remove = new ArrayList<>();
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    DocumentPath path = path();
                    expect(Kind.EQ);
                    set.add(new Statement.Assignment(path, updateValue()));
                } while (accept(Kind.COMMA));
            } else if (acceptKeyword("REMOVE")) {
                do {
                    remove.add(path());
                } while (accept(Kind.COMMA));
            } else {
                break;
            }
        }
        if (set.isEmpty() && remove.isEmpty()) {
            throw unexpected(peek());
        }
        keyword("WHERE");
        Predicate where = condition();
        return new Statement.Update(table, set, remove, where, returning());
    }

    private Statement.Delete delete() {
        keyword("DELETE");
        keyword("FROM");
        String table = name();
        keyword("WHERE");
        Predicate where = condition();
        return new Statement.Delete(table, where, returning());
    }

    /** {@code RETURNING ALL|MODIFIED OLD|NEW *} as a ReturnValues value, or null. */
    private String returning() {
        if (!acceptKeyword("RETURNING")) {
            return null;
        }
        String which;
        if (acceptKeyword("ALL")) {
            which = "ALL_";
        } else if (acceptKeyword("MODIFIED")) {
            which = "UPDATED_";
        } else {
            throw unexpected(peek());
        }
        String when;
        if (acceptKeyword("OLD")) {
            when = "OLD";
        } else if (acceptKeyword("NEW")) {
            when = "NEW";
        } else {
            throw unexpected(peek());
        }
        expect(Kind.STAR);
        return which + when;
    }

    private Term updateValue() {
        Term left = updateTerm();
        if (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            boolean plus = next().kind() == Kind.PLUS;
            return new Term.Arithmetic(left, plus, updateTerm());
        }
        return left;
    }

    private Term updateTerm() {
        StatementToken token = peek();
        if (token.kind() == Kind.WORD && peekAt(1).kind() == Kind.LPAREN) {
            String function = token.text().toLowerCase(Locale.ROOT);
            if (function.equals("list_append") || function.equals("set_add") || function.equals("set_delete")) {
                next();
                next();
                Term first = updateTerm();
                expect(Kind.COMMA);
                Term second = updateTerm();
                expect(Kind.RPAREN);
                return new Term.Call(function, first, second);
            }
            throw unexpected(token);
        }
        return operand();
    }

    // conditions: OR of ANDs of NOTs of predicates

    private Predicate condition() {
        enter();
        Predicate left = conjunction();
        while (acceptKeyword("OR")) {
            left = new Predicate.Or(left, conjunction());
        }
        depth--;
        return left;
    }

    private Predicate conjunction() {
        Predicate left = negation();
        while (acceptKeyword("AND")) {
            left = new Predicate.And(left, negation());
        }
        return left;
    }

    private Predicate negation() {
        if (acceptKeyword("NOT")) {
            enter();
            Predicate negated = new Predicate.Not(negation());
            depth--;
            return negated;
        }
        return predicate();
    }

    private Predicate predicate() {
        StatementToken token = peek();
        if (token.kind() == Kind.LPAREN) {
            next();
            Predicate inner = condition();
            expect(Kind.RPAREN);
            return inner;
        }
        if (token.kind() == Kind.WORD && peekAt(1).kind() == Kind.LPAREN) {
            String function = token.text().toLowerCase(Locale.ROOT);
            if (function.equals("begins_with") || function.equals("contains")
                    || function.equals("attribute_type")) {
                next();
                next();
                DocumentPath path = path();
                expect(Kind.COMMA);
                Term argument = operand();
                expect(Kind.RPAREN);
                return new Predicate.Function(function, path, argument);
            }
        }
        Term left = operand();
        StatementToken op = next();
        switch (op.kind()) {
            case EQ, NE, LT, LE, GT, GE -> {
                String operator = op.kind() == Kind.NE ? "<>" : op.text();
                return new Predicate.Compare(left, operator, operand());
            }
            default -> {
            }
        }
        if (op.is("BETWEEN")) {
            Term low = operand();
            keyword("AND");
            return new Predicate.Between(left, low, operand());
        }
        if (op.is("IN")) {
            return in(left);
        }
        if (op.is("NOT") && peek().is("IN")) {
            next();
            return new Predicate.Not(in(left));
        }
        if (op.is("IS")) {
            boolean negated = acceptKeyword("NOT");
            StatementToken what = next();
            if (!(left instanceof Term.Path path) || !what.is("MISSING") && !what.is("NULL")) {
                throw unexpected(what);
            }
            return new Predicate.Is(path.path(), what.is("MISSING"), negated);
        }
        throw unexpected(op);
    }

    private Predicate in(Term left) {
        Kind close;
        if (accept(Kind.LBRACKET)) {
            close = Kind.RBRACKET;
        } else {
            expect(Kind.LPAREN);
            close = Kind.RPAREN;
        }
        List<Term> values = new ArrayList<>();
        do {
            values.add(new Term.Value(value()));
        } while (accept(Kind.COMMA));
        expect(close);
        return new Predicate.In(left, values);
    }

    private Term operand() {
        StatementToken token = peek();
        if (token.kind() == Kind.WORD && token.text().equalsIgnoreCase("size")
                && peekAt(1).kind() == Kind.LPAREN) {
            next();
            next();
            DocumentPath path = path();
            expect(Kind.RPAREN);
            return new Term.Size(path);
        }
        if (token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.WORD && !isValueWord(token)) {
            return new Term.Path(path());
        }
        return new Term.Value(value());
    }

    private static boolean isValueWord(StatementToken token) {
        return token.is("TRUE") || token.is("FALSE") || token.is("NULL");
    }

    // paths and names

    private DocumentPath path() {
        List<Object> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (peek().kind() == Kind.DOT) {
                next();
                elements.add(name());
            } else if (peek().kind() == Kind.LBRACKET) {
                next();
                StatementToken element = next();
                if (element.kind() == Kind.NUMBER && element.text().chars().allMatch(Character::isDigit)) {
                    try {
                        elements.add(Integer.parseInt(element.text()));
                    } catch (NumberFormatException e) {
                        throw unexpected(element);
                    }
                } else if (element.kind() == Kind.STRING) {
                    elements.add(element.text());
                } else {
                    throw unexpected(element);
                }
                expect(Kind.RBRACKET);
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    /** A name: in double quotes, or a bare word that is no keyword. */
    private String name() {
        StatementToken token = next();
        if (token.kind() == Kind.QUOTED_NAME) {
            if (token.text().isEmpty()) {
                throw StatementErrors.malformed("Empty name at line " + token.line() + ", column "
                        + token.column());
            }
            return token.text();
        }
        if (token.kind() == Kind.WORD && !KEYWORDS.contains(token.upper())) {
            return token.text();
        }
        throw unexpected(token);
    }

    // values

    private JsonNode value() {
        enter();
        StatementToken token = next();
        JsonNode value = switch (token.kind()) {
            case STRING -> NODES.objectNode().put("S", token.text());
            case NUMBER -> number(token.text());
            case MINUS -> {
                StatementToken number = next();
                if (number.kind() != Kind.NUMBER) {
                    throw unexpected(number);
                }
                yield number("-" + number.text());
            }
            case PARAMETER -> parameter();
            case LBRACKET -> list();
            case LBRACE -> map();
            case LSET -> set(token);
            case WORD -> {
                if (token.is("TRUE") || token.is("FALSE")) {
                    yield NODES.objectNode().put("BOOL", token.is("TRUE"));
                }
                if (token.is("NULL")) {
                    yield NODES.objectNode().put("NULL", true);
                }
                throw unexpected(token);
            }
            default -> throw unexpected(token);
        };
        depth--;
        return value;
    }

    private static JsonNode number(String text) {
        return NODES.objectNode().put("N", text);
    }

    private JsonNode parameter() {
        if (parameters == null || used >= parameters.size()) {
            throw StatementErrors.parameterCount();
        }
        return parameters.get(used++);
    }

    private JsonNode list() {
        ArrayNode list = NODES.arrayNode();
        if (!accept(Kind.RBRACKET)) {
            do {
                list.add(value());
            } while (accept(Kind.COMMA));
            expect(Kind.RBRACKET);
        }
        ObjectNode node = NODES.objectNode();
        node.set("L", list);
        return node;
    }

    private JsonNode map() {
        ObjectNode map = NODES.objectNode();
        if (!accept(Kind.RBRACE)) {
            do {
                StatementToken key = next();
                if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
                    throw unexpected(key);
                }
                expect(Kind.COLON);
                map.set(key.text(), value());
            } while (accept(Kind.COMMA));
            expect(Kind.RBRACE);
        }
        ObjectNode node = NODES.objectNode();
        node.set("M", map);
        return node;
    }

    /** {@code <<v, ...>>}: all strings (SS), all numbers (NS) or all binaries (BS, from parameters). */
    private JsonNode set(StatementToken open) {
        ArrayNode members = NODES.arrayNode();
        String type = null;
        do {
            StatementToken at = peek();
            JsonNode member = value();
            String memberType = member.fieldNames().hasNext() ? member.fieldNames().next() : "";
            if (!memberType.equals("S") && !memberType.equals("N") && !memberType.equals("B")
                    || type != null && !type.equals(memberType)) {
                throw StatementErrors.malformed("A set holds strings, numbers or binaries of one type; "
                        + "unexpected member at line " + at.line() + ", column " + at.column());
            }
            type = memberType;
            members.add(member.get(memberType));
        } while (accept(Kind.COMMA));
        expect(Kind.RSET);
        ObjectNode node = NODES.objectNode();
        node.set(type + "S", members);
        return node;
    }

    // tokens

    private StatementToken peek() {
        return tokens.get(pos);
    }

    private StatementToken peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private StatementToken next() {
        StatementToken token = tokens.get(pos);
        if (token.kind() != Kind.EOF) {
            pos++;
        }
        return token;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind) {
        StatementToken token = next();
        if (token.kind() != kind) {
            throw unexpected(token);
        }
    }

    private void keyword(String keyword) {
        StatementToken token = next();
        if (!token.is(keyword)) {
            throw unexpected(token);
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw StatementErrors.malformed("Statement is nested too deeply at " + peek().shown());
        }
    }

    private static DynamoException unexpected(StatementToken token) {
        if (token.kind() == Kind.EOF) {
            return StatementErrors.malformed("Unexpected end of statement at line " + token.line() + ", column "
                    + token.column());
        }
        String kind = token.kind() == Kind.WORD && KEYWORDS.contains(token.upper()) ? "keyword" : "token";
        return StatementErrors.malformed("Unexpected " + kind + " " + token.shown());
    }
}

package dev.dynamotest.core.internal.partiql;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.partiql.StatementToken.Kind;
import java.util.List;

/**
 * The table a PartiQL statement names, found without parsing the whole statement, for the request journal and
 * fault rules: the name after SELECT's or DELETE's FROM, INSERT's INTO, or UPDATE.
 */
public final class StatementTables {

    private StatementTables() {
    }

    /** The table the statement names, or null when the statement does not get that far. */
    public static String of(String statement) {
        if (statement == null || statement.length() > StatementParser.MAX_LENGTH) {
            return null;
        }
        List<StatementToken> tokens;
        try {
            tokens = StatementLexer.tokens(statement);
        } catch (DynamoException e) {
            return null;
        }
        StatementToken first = tokens.get(0);
        if (first.is("UPDATE")) {
            return name(tokens, 1);
        }
        String before = first.is("INSERT") ? "INTO" : "FROM";
        if (!first.is("INSERT") && !first.is("SELECT") && !first.is("DELETE") && !first.is("EXISTS")) {
            return null;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).is(before)) {
                return name(tokens, i + 1);
            }
        }
        return null;
    }

    private static String name(List<StatementToken> tokens, int index) {
        if (index >= tokens.size()) {
            return null;
        }
        StatementToken token = tokens.get(index);
        return token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.WORD ? token.text() : null;
    }
}

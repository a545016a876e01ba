package dev.dynamotest.core.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.internal.protocol.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level attributes a Query or Scan filter reads (FilterExpression, QueryFilter or ScanFilter). Reads the
 * expression text after the expression package has accepted it, so it only tells names from keywords,
 * functions, values and nested path elements.
 */
final class FilterAttributes {

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    private FilterAttributes() {
    }

    /** The top-level attribute names of the request's filter, resolved through ExpressionAttributeNames. */
    static Set<String> of(JsonNode request) {
        Set<String> names = new LinkedHashSet<>();
        for (String legacy : new String[] {"QueryFilter", "ScanFilter"}) {
            JsonNode filter = Json.object(request, legacy);
            if (filter != null) {
                filter.fieldNames().forEachRemaining(names::add);
            }
        }
        String text = Json.text(request, "FilterExpression");
        if (text != null) {
            scan(text, Json.object(request, "ExpressionAttributeNames"), names);
        }
        return names;
    }

    private static void scan(String text, JsonNode substitutes, Set<String> names) {
        int i = 0;
        char previous = ' ';
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean word = Character.isLetter(c) || c == '_';
            boolean ref = (c == '#' || c == ':') && i + 1 < text.length() && isWordChar(text.charAt(i + 1));
            if (!word && !ref) {
                previous = c;
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isWordChar(text.charAt(end))) {
                end++;
            }
            String token = text.substring(i, end);
            if (c != ':' && previous != '.' && nextSignificant(text, end) != '('
                    && !(c != '#' && KEYWORDS.contains(token.toUpperCase()))) {
                names.add(c == '#' ? Json.text(substitutes, token) : token);
            }
            previous = 'a';
            i = end;
        }
    }

    private static char nextSignificant(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

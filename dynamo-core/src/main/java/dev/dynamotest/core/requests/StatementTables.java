package dev.dynamotest.core.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a PartiQL statement names, read from its first words without parsing it (the engine parses it when it
 * runs): the name after SELECT's or DELETE's FROM, INSERT's INTO, or UPDATE. Names in double quotes may hold any
 * character, a doubled quote standing for one.
 */
final class StatementTables {

    private static final int WORDS = 64;

    private StatementTables() {
    }

    /** The table the statement names, or null when its first words name none. */
    static String of(String statement) {
        List<String> words = words(statement);
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0).toUpperCase(Locale.ROOT);
        if (first.equals("UPDATE")) {
            return words.size() > 1 ? words.get(1) : null;
        }
        String before = first.equals("INSERT") ? "INTO" : "FROM";
        if (!List.of("INSERT", "SELECT", "DELETE", "EXISTS").contains(first)) {
            return null;
        }
        int at = words.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList().indexOf(before);
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : null;
    }

    /** The first words and quoted names of the statement; strings and punctuation are skipped. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length() && words.size() < WORDS) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                words.add(text.substring(start, i));
            } else if (c == '"' || c == '\'') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == c) {
                        if (i + 1 < text.length() && text.charAt(i + 1) == c) {
                            quoted.append(c);
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    quoted.append(text.charAt(i++));
                }
                i++;
                if (c == '"') {
                    words.add(quoted.toString());
                } else {
                    words.add("'");
                }
            } else {
                i++;
            }
        }
        return words;
    }
}

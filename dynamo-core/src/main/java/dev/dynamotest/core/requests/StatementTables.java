package dev.dynamotest.core.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a PartiQL statement names, read from its first words without parsing it (the engine parses it when it
 * runs): the name after SELECT's or DELETE's FROM, INSERT's INTO, or UPDATE; and the index a SELECT reads
 * ({@code FROM "Table"."Index"}). Names in double quotes may hold any character, a doubled quote standing for one.
 */
final class StatementTables {

    private static final int WORDS = 64;

    private StatementTables() {
    }

    /** The table the statement names, or null when its first words name none. */
    static String of(String statement) {
        List<Word> words = words(statement);
        int at = tableAt(words);
        return at >= 0 ? words.get(at).text() : null;
    }

    /** The index a SELECT reads ({@code FROM "Table"."Index"}), or null when it reads the table. */
    static String indexOf(String statement) {
        List<Word> words = words(statement);
        int at = tableAt(words);
        if (at < 0 || !words.get(0).text().equalsIgnoreCase("SELECT") || at + 1 >= words.size()) {
            return null;
        }
        Word next = words.get(at + 1);
        return next.afterDot() ? next.text() : null;
    }

    /** Where in the words the table's name is, or -1. */
    private static int tableAt(List<Word> words) {
        if (words.isEmpty()) {
            return -1;
        }
        String first = words.get(0).text().toUpperCase(Locale.ROOT);
        if (first.equals("UPDATE")) {
            return words.size() > 1 ? 1 : -1;
        }
        String before = first.equals("INSERT") ? "INTO" : "FROM";
        if (!List.of("INSERT", "SELECT", "DELETE", "EXISTS").contains(first)) {
            return -1;
        }
        int at = words.stream().map(w -> w.text().toUpperCase(Locale.ROOT)).toList().indexOf(before);
        return at >= 0 && at + 1 < words.size() ? at + 1 : -1;
    }

    /** A word or quoted name, and whether a dot joins it to the word before ({@code "Table"."Index"}). */
    private record Word(String text, boolean afterDot) {
    }

    /** The first words and quoted names of the statement; strings and punctuation are skipped. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        boolean dot = false;
        while (i < text.length() && words.size() < WORDS) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                words.add(new Word(text.substring(start, i), dot));
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
                words.add(new Word(c == '"' ? quoted.toString() : "'", dot));
            } else {
                i++;
                dot = c == '.';
                continue;
            }
            dot = false;
        }
        return words;
    }
}

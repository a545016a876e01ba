package dev.dynamotest.core.internal.ops.transfers;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields as RFC 4180 reads it, with a chosen one-character delimiter: fields may be
 * quoted with {@code "}, a quoted field may hold delimiters, line breaks and doubled quotes, and records end at
 * {@code \n} or {@code \r\n}. An empty line is no record.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** The records of the text; a quote left open fails with {@link IllegalArgumentException}. */
    public static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, record, field, fieldStarted);
                record = new ArrayList<>();
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        end(records, record, field, fieldStarted);
        return records;
    }

    private static void end(List<List<String>> records, List<String> record, StringBuilder field,
            boolean fieldStarted) {
        if (record.isEmpty() && field.length() == 0 && !fieldStarted) {
            return;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
    }
}

package dev.dynamotest.core.internal;

/** DynamoDB's order of strings: by code point, which is the unsigned order of their UTF-8 bytes. */
public final class CodePoints {

    private CodePoints() {
    }

    /** Compares two strings by code point (not by UTF-16 unit, as {@link String#compareTo} does). */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}

package dev.dynamotest.core.internal.protocol;

/** Reads the region from a SigV4 {@code Authorization} header's credential scope. */
final class SigV4Scope {

    private SigV4Scope() {
    }

    /** The region of {@code Credential=AKID/DATE/REGION/SERVICE/aws4_request}, or {@code null}. */
    static String region(String authorization) {
        int start = credential(authorization);
        if (start < 0) {
            return null;
        }
        int end = end(authorization, start);
        int first = slash(authorization, start, end);
        int second = first < 0 ? -1 : slash(authorization, first + 1, end);
        if (second < 0) {
            return null;
        }
        int third = slash(authorization, second + 1, end);
        String region = authorization.substring(second + 1, third < 0 ? end : third);
        return region.isEmpty() ? null : region;
    }

    /** Where the credential scope starts, or -1 when there is none. */
    private static int credential(String authorization) {
        if (authorization == null) {
            return -1;
        }
        int start = authorization.indexOf("Credential=");
        return start < 0 ? -1 : start + "Credential=".length();
    }

    /** Where the credential scope ends: at a comma, a space or the end of the header. */
    private static int end(String authorization, int start) {
        int end = start;
        while (end < authorization.length() && authorization.charAt(end) != ',' && authorization.charAt(end) != ' ') {
            end++;
        }
        return end;
    }

    private static int slash(String text, int from, int end) {
        int at = text.indexOf('/', from);
        return at < 0 || at >= end ? -1 : at;
    }
}

package dev.dynamotest.core.internal.protocol;

/** Reads the region and access key from a SigV4 {@code Authorization} header's credential scope. */
final class SigV4Scope {

    private SigV4Scope() {
    }

    /** The region of {@code Credential=AKID/DATE/REGION/SERVICE/aws4_request}, or {@code null}. */
    static String region(String authorization) {
        String[] scope = scope(authorization);
        return scope != null && scope.length >= 3 && !scope[2].isEmpty() ? scope[2] : null;
    }

    /** The access key id, or {@code null}. */
    static String accessKey(String authorization) {
        String[] scope = scope(authorization);
        return scope != null && !scope[0].isEmpty() ? scope[0] : null;
    }

    private static String[] scope(String authorization) {
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        start += "Credential=".length();
        int end = start;
        while (end < authorization.length() && authorization.charAt(end) != ',' && authorization.charAt(end) != ' ') {
            end++;
        }
        return authorization.substring(start, end).split("/", -1);
    }
}

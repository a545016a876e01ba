package dev.dynamotest.junit.internal;

import software.amazon.awssdk.core.util.VersionInfo;

/**
 * The oldest AWS SDK for Java 2 the extension works with (the retry strategy API it sets the injected clients'
 * waits with), checked when a test class starts so that an older SDK fails with the fix instead of a
 * {@code NoSuchMethodError} in the middle of a test.
 */
final class SdkVersion {

    static final String OLDEST = "2.26.13";

    private SdkVersion() {
    }

    static void require() {
        require(VersionInfo.SDK_VERSION);
    }

    static void require(String found) {
        if (compare(found, OLDEST) < 0) {
            throw new MisuseException("DynamoTest needs the AWS SDK for Java " + OLDEST + " or newer, and the test "
                    + "class path has " + found + ": raise the version of software.amazon.awssdk:bom (or of "
                    + "software.amazon.awssdk:dynamodb) in your build");
        }
    }

    /** Compares dotted versions number by number; what follows a number's digits ({@code -SNAPSHOT}) is ignored. */
    static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(number(left, i), number(right, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int number(String[] parts, int index) {
        if (index >= parts.length) {
            return 0;
        }
        String digits = parts[index].replaceFirst("\\D.*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}

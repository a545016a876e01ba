package dev.dynamotest.core.internal.streams;

/** DynamoDB's stream sequence numbers: decimal strings of at least 21 digits, here the change-log sequence. */
public final class SequenceNumbers {

    private static final int DIGITS = 21;

    private SequenceNumbers() {
    }

    public static String format(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, DIGITS - digits.length())) + digits;
    }

    /** The change-log sequence of a sequence number, or -1 when it is not one of ours. */
    public static long parse(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty() || sequenceNumber.length() > 40) {
            return -1;
        }
        for (int i = 0; i < sequenceNumber.length(); i++) {
            if (sequenceNumber.charAt(i) < '0' || sequenceNumber.charAt(i) > '9') {
                return -1;
            }
        }
        String significant = sequenceNumber.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 18) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(significant);
    }
}

package dev.dynamotest.faults;

/**
 * How the tables named in a client's requests relate to the names its fault rules use, for clients whose requests
 * are renamed on their way out (a test harness that gives each test class a table prefix of its own): the rules
 * match, and partial batches split, by the names the code under test wrote.
 */
public interface ClientTableNames {

    /** The name the rules know a table by, given its name in a request as sent. */
    String declared(String sent);

    /** The name in requests as sent of the table the rules call {@code declared}. */
    String sent(String declared);

    /**
     * The ARN of a table, by its name as sent, that throttling reasons name; {@code null} builds one from the
     * region, the account and that name.
     */
    default String arn(String region, String sent) {
        return null;
    }
}

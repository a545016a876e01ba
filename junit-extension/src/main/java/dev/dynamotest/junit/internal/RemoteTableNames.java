package dev.dynamotest.junit.internal;

import dev.dynamotest.faults.ClientTableNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class's table names at an endpoint elsewhere, for its fault rules: rules use the declared names, requests
 * carry the prefixed ones, and throttling reasons name the ARNs the endpoint gave its tables (learnt from
 * CreateTable and DescribeTable answers; for a table not seen yet, built like a known ARN of its region).
 */
final class RemoteTableNames implements ClientTableNames {

    private static final String TABLE = ":table/";

    private final TableNamePrefix prefix;
    /** Known table ARNs by region, then by the table's name at the endpoint. */
    private final Map<String, Map<String, String>> arns = new ConcurrentHashMap<>();

    RemoteTableNames(TableNamePrefix prefix) {
        this.prefix = prefix;
    }

    /** Notes the ARN an answer of the endpoint gave a table ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}). */
    void learn(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return;
        }
        String[] parts = arn.split(":", 6);
        int table = arn.indexOf(TABLE);
        if (parts.length < 6 || table < 0 || arn.indexOf('/', table + TABLE.length()) >= 0) {
            return;
        }
        arns.computeIfAbsent(parts[3], r -> new ConcurrentHashMap<>()).put(arn.substring(table + TABLE.length()), arn);
    }

    @Override
    public String declared(String sent) {
        return prefix.logical(sent);
    }

    @Override
    public String sent(String declared) {
        return prefix.physical(declared);
    }

    @Override
    public String arn(String region, String sent) {
        Map<String, String> known = region == null ? null : arns.get(region);
        if (known == null || known.isEmpty()) {
            return null;
        }
        String arn = known.get(sent);
        if (arn != null) {
            return arn;
        }
        String any = known.values().iterator().next();
        return any.substring(0, any.indexOf(TABLE) + TABLE.length()) + sent;
    }
}

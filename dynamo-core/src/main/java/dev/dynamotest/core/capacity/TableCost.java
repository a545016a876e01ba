package dev.dynamotest.core.capacity;

import dev.dynamotest.core.PriceTable;

/**
 * What a table's traffic and storage would cost in DynamoDB, by the engine's clock, in its own table class and
 * billing mode and in the others. Obtain it with {@link Cost#table(String)}.
 *
 * @param readRequestUnits      read units consumed by the table and its global secondary indexes
 * @param writeRequestUnits     write units consumed by the table and its global secondary indexes
 * @param readCapacityUnitHours provisioned read capacity (table and indexes) times hours; for an on-demand table,
 *                              what provisioned mode would need: the peak units per second times hours
 * @param writeCapacityUnitHours the same for writes
 * @param storageGbMonths       the table's size times the time, in GB-months
 */
public record TableCost(String region, String table, String tableClass, String billingMode, double readRequestUnits,
        double writeRequestUnits, double readCapacityUnitHours, double writeCapacityUnitHours, double storageGbMonths,
        PriceTable prices) {

    public static final String STANDARD = "STANDARD";
    public static final String INFREQUENT_ACCESS = "STANDARD_INFREQUENT_ACCESS";
    public static final String ON_DEMAND = "PAY_PER_REQUEST";
    public static final String PROVISIONED = "PROVISIONED";

    /** US dollars in the table's own class and billing mode. */
    public double dollars() {
        return dollarsAs(tableClass, billingMode);
    }

    /** US dollars the same workload would cost in that table class and billing mode. */
    public double dollarsAs(String otherClass, String otherMode) {
        PriceTable.Prices p = prices.of(otherClass);
        double throughput = ON_DEMAND.equals(otherMode)
                ? readRequestUnits * p.readRequestUnitsPerMillion() / 1e6
                        + writeRequestUnits * p.writeRequestUnitsPerMillion() / 1e6
                : readCapacityUnitHours * p.readCapacityUnitHour() + writeCapacityUnitHours * p.writeCapacityUnitHour();
        return throughput + storageGbMonths * p.storageGbMonth();
    }

    /** {@code Orders (us-east-1) STANDARD PROVISIONED: $0.000123 (STANDARD on demand $0.000001, ...)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(table).append(" (").append(region).append(") ").append(tableClass)
                .append(' ').append(billingMode).append(": ").append(format(dollars())).append(" (");
        String sep = "";
        for (String c : new String[] {STANDARD, INFREQUENT_ACCESS}) {
            for (String m : new String[] {PROVISIONED, ON_DEMAND}) {
                if (!(c.equals(tableClass) && m.equals(billingMode))) {
                    s.append(sep).append(c).append(' ').append(m).append(' ').append(format(dollarsAs(c, m)));
                    sep = ", ";
                }
            }
        }
        return s.append(')').toString();
    }

    private static String format(double dollars) {
        return String.format(java.util.Locale.ROOT, "$%.6f", dollars);
    }
}

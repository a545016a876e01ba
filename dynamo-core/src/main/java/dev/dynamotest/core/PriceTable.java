package dev.dynamotest.core;

import java.util.Objects;

/**
 * What DynamoDB charges, per table class, for requests, provisioned capacity and storage: the basis of
 * {@link DynamoEngine#cost()}. Give your own with {@link #of}.
 *
 * <p>The defaults are AWS's published us-east-1 (US East, N. Virginia) prices after the on-demand price reduction of
 * 1 November 2024, checked on 2026-11-25 against:
 * <ul>
 * <li>https://aws.amazon.com/dynamodb/pricing/on-demand/ (on demand: $0.625 per million write request units and
 *     $0.125 per million read request units in STANDARD; $0.78125 and $0.15625 in STANDARD_INFREQUENT_ACCESS);
 * <li>https://aws.amazon.com/dynamodb/pricing/provisioned/ (provisioned: $0.00065 per WCU-hour and $0.00013 per
 *     RCU-hour in STANDARD; $0.00081 and $0.00016 in STANDARD_INFREQUENT_ACCESS);
 * <li>https://aws.amazon.com/dynamodb/pricing/ (storage: $0.25 per GB-month in STANDARD; $0.10 in
 *     STANDARD_INFREQUENT_ACCESS).
 * </ul>
 * The price tables of those pages are rendered by script; of their text, the copies read give the STANDARD storage
 * price, and the other figures agree with several independent write-ups of the same pages (the Standard-IA ones are
 * the STANDARD figures plus 25%, storage 60% less, as AWS describes the class). The free tier (25 GB, 25 RCU and 25
 * WCU) is not deducted.
 */
public final class PriceTable {

    /**
     * The prices of one table class, in US dollars.
     *
     * @param readRequestUnitsPerMillion  on demand, per million read request units
     * @param writeRequestUnitsPerMillion on demand, per million write request units
     * @param readCapacityUnitHour        provisioned, per read capacity unit and hour
     * @param writeCapacityUnitHour       provisioned, per write capacity unit and hour
     * @param storageGbMonth              per GB stored for a month
     */
    public record Prices(double readRequestUnitsPerMillion, double writeRequestUnitsPerMillion,
            double readCapacityUnitHour, double writeCapacityUnitHour, double storageGbMonth) {
    }

    private static final PriceTable US_EAST_1 = new PriceTable(
            new Prices(0.125, 0.625, 0.00013, 0.00065, 0.25),
            new Prices(0.15625, 0.78125, 0.00016, 0.00081, 0.10));

    private final Prices standard;
    private final Prices infrequentAccess;

    private PriceTable(Prices standard, Prices infrequentAccess) {
        this.standard = Objects.requireNonNull(standard, "standard");
        this.infrequentAccess = Objects.requireNonNull(infrequentAccess, "infrequentAccess");
    }

    /** AWS's published prices in us-east-1 (see the class description). */
    public static PriceTable usEast1() {
        return US_EAST_1;
    }

    /** A price table of your own: the STANDARD and the STANDARD_INFREQUENT_ACCESS class. */
    public static PriceTable of(Prices standard, Prices infrequentAccess) {
        return new PriceTable(standard, infrequentAccess);
    }

    /** The prices of a table class ({@code STANDARD} or {@code STANDARD_INFREQUENT_ACCESS}). */
    public Prices of(String tableClass) {
        return "STANDARD_INFREQUENT_ACCESS".equals(tableClass) ? infrequentAccess : standard;
    }
}

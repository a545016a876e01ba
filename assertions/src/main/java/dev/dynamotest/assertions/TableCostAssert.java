package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.capacity.TableCost;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what one table would cost in DynamoDB, in its own class and billing mode and in the others.
 * Obtain it with {@link CostAssert#table(String)}.
 */
public class TableCostAssert extends AbstractAssert<TableCostAssert, TableCost> {

    private static final String[] CLASSES = {TableCost.STANDARD, TableCost.INFREQUENT_ACCESS};
    private static final String[] MODES = {TableCost.PROVISIONED, TableCost.ON_DEMAND};

    public TableCostAssert(TableCost actual) {
        super(actual, TableCostAssert.class);
    }

    /** Verifies that the table costs at most that many US dollars in its own class and billing mode. */
    public TableCostAssert isAtMost(double dollars) {
        if (actual.dollars() > dollars) {
            throw Messages.failure(where(), "Expecting at most " + CostAssert.format(dollars) + ", but it costs:\n  "
                    + actual);
        }
        return this;
    }

    /**
     * Verifies that this table class and billing mode ({@code PROVISIONED} or {@code PAY_PER_REQUEST}) would be the
     * cheapest of the four for the test's workload.
     */
    public TableCostAssert isCheapestAs(String tableClass, String billingMode) {
        double chosen = actual.dollarsAs(tableClass, billingMode);
        for (String c : CLASSES) {
            for (String m : MODES) {
                if (actual.dollarsAs(c, m) < chosen) {
                    throw Messages.failure(where(), "Expecting " + tableClass + " " + billingMode + " to be the "
                            + "cheapest, but " + c + " " + m + " costs less:\n  " + actual);
                }
            }
        }
        return this;
    }

    private String where() {
        return "Cost of table " + actual.table() + " (" + actual.region() + ")";
    }
}

package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.core.capacity.Cost;
import dev.dynamotest.core.capacity.TableCost;
import java.util.List;
import java.util.Locale;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a region's tables would cost in DynamoDB for a test's traffic and storage. Obtain it with
 * {@link DynamoAssertions#assertThat(Cost)}.
 */
public class CostAssert extends AbstractAssert<CostAssert, Cost> {

    public CostAssert(Cost actual) {
        super(actual, CostAssert.class);
    }

    /** Verifies that all the region's tables together cost at most that many US dollars. */
    public CostAssert isAtMost(double dollars) {
        List<TableCost> tables = actual.tables();
        double total = tables.stream().mapToDouble(TableCost::dollars).sum();
        if (total > dollars) {
            throw Messages.failure("Cost of the tables of " + actual.region().orElse("every region"), "Expecting at most "
                    + format(dollars) + ", but the tables cost " + format(total) + ":\n"
                    + Messages.list(tables.stream().map(TableCost::toString).toList()));
        }
        return this;
    }

    /** Assertions on one table's cost. */
    @CheckReturnValue
    public TableCostAssert table(String name) {
        return new TableCostAssert(actual.table(name));
    }

    static String format(double dollars) {
        return String.format(Locale.ROOT, "$%.6f", dollars);
    }
}

package dev.dynamotest.core.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a DynamoDB request that pages with an {@code ExclusiveStart...} member and a Limit (ListTables,
 * ListStreams, DescribeStream, ListGlobalTables, ListBackups): the elements that follow the start, at most the
 * limit, and whether more follow, in which case the response names the last element it holds.
 *
 * @param <T> the listed element
 */
public record ListPage<T>(List<T> elements, boolean more) {

    /**
     * The first {@code max} of the {@code ordered} elements that {@code include} accepts (it skips the elements up
     * to the exclusive start, and those the request filters out).
     */
    public static <T> ListPage<T> of(Iterable<T> ordered, Predicate<T> include, int max) {
        List<T> page = new ArrayList<>();
        for (T element : ordered) {
            if (!include.test(element)) {
                continue;
            }
            if (page.size() == max) {
                return new ListPage<>(page, true);
            }
            page.add(element);
        }
        return new ListPage<>(page, false);
    }

    /** The name of the page's last element when more follow (the {@code LastEvaluated...} member), else null. */
    public String lastEvaluated(Function<T, String> name) {
        return more ? name.apply(elements.get(elements.size() - 1)) : null;
    }
}

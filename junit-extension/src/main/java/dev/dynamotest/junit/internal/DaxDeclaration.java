package dev.dynamotest.junit.internal;

import dev.dynamotest.core.DaxConfig;
import dev.dynamotest.junit.DynamoDax;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads a class's {@link DynamoDax} into a {@link DaxConfig}, refusing values that name no setting DAX can take. */
final class DaxDeclaration {

    private DaxDeclaration() {
    }

    /** The settings the annotation on {@code testClass} declares. */
    static DaxConfig config(Class<?> testClass, DynamoDax dax) {
        String where = "@DynamoDax on " + testClass.getSimpleName() + ": ";
        if (dax.cacheSize() <= 0) {
            throw new MisuseException(where + "cacheSize " + dax.cacheSize() + " is not a positive number of bytes; "
                    + "give the size of each cache, e.g. cacheSize = 16_777_216 for 16 MB");
        }
        return DaxConfig.builder()
                .itemTtl(duration(where, "itemTtl", dax.itemTtl()))
                .queryTtl(duration(where, "queryTtl", dax.queryTtl()))
                .cacheSize(dax.cacheSize())
                .build();
    }

    private static Duration duration(String where, String attribute, String text) {
        Duration duration;
        try {
            duration = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new MisuseException(where + attribute + " \"" + text + "\" is not an ISO-8601 duration; write "
                    + "one such as \"PT5M\" (5 minutes), \"PT30S\" or \"PT0S\" (no caching)", e);
        }
        if (duration.isNegative()) {
            throw new MisuseException(where + attribute + " \"" + text + "\" is negative; a time to live is "
                    + "\"PT0S\" (no caching) or more");
        }
        return duration;
    }
}

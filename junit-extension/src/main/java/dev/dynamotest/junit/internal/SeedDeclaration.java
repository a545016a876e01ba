package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Items to put into a declared table before a test, in DynamoDB JSON.
 *
 * @param region the region, or {@code null} for the class's region
 * @param source where they were declared, for error messages
 */
public record SeedDeclaration(String region, String table, List<ObjectNode> items, String source) {

    public SeedDeclaration {
        items = List.copyOf(items);
    }

    public SeedDeclaration inRegion(String defaultRegion) {
        return region != null ? this : new SeedDeclaration(defaultRegion, table, items, source);
    }
}

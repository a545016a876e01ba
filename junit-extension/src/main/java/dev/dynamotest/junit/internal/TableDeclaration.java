package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A table a test class declares: a CreateTable request and the TTL attribute to enable after it.
 *
 * @param region the region, or {@code null} for the class's region
 * @param ttlAttribute the TTL attribute, or {@code null}
 * @param source where it was declared, for error messages ({@code @DynamoTable "Orders" on OrderTest})
 */
public record TableDeclaration(String region, String name, ObjectNode createRequest, String ttlAttribute,
        String source) {

    /** The same declaration in a settled region. */
    public TableDeclaration inRegion(String defaultRegion) {
        return region != null ? this : new TableDeclaration(defaultRegion, name, createRequest, ttlAttribute, source);
    }
}

package dev.dynamotest.core.internal.ops.autoscaling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DynamoDB capacity that Application Auto Scaling can scale: the read or write units of a table
 * ({@code table/NAME}) or of one of its global secondary indexes ({@code table/NAME/index/INDEX}), in a region.
 */
record ScalableResource(String region, String resourceId, String dimension, String table, String index) {

    static final String NAMESPACE = "dynamodb";
    static final String TABLE_READ = "dynamodb:table:ReadCapacityUnits";
    static final String TABLE_WRITE = "dynamodb:table:WriteCapacityUnits";
    static final String INDEX_READ = "dynamodb:index:ReadCapacityUnits";
    static final String INDEX_WRITE = "dynamodb:index:WriteCapacityUnits";

    private static final Pattern RESOURCE_ID = Pattern.compile(
            "table/([a-zA-Z0-9_.-]{3,255})(?:/index/([a-zA-Z0-9_.-]{3,255}))?");

    /** The resource a namespace, resource ID and dimension name; throws ValidationException when they do not fit. */
    static ScalableResource of(String region, String namespace, String resourceId, String dimension) {
        if (!NAMESPACE.equals(namespace)) {
            throw AutoScalingErrors.validation("Unsupported service namespace: " + namespace
                    + ". This endpoint scales DynamoDB only (service namespace dynamodb).");
        }
        if (!TABLE_READ.equals(dimension) && !TABLE_WRITE.equals(dimension) && !INDEX_READ.equals(dimension)
                && !INDEX_WRITE.equals(dimension)) {
            throw AutoScalingErrors.validation("Unsupported scalable dimension: " + dimension + " for service "
                    + "namespace dynamodb");
        }
        Matcher m = RESOURCE_ID.matcher(resourceId);
        if (!m.matches()) {
            throw AutoScalingErrors.validation("Unsupported resource ID: " + resourceId + ". A DynamoDB resource ID "
                    + "is table/TABLE_NAME or table/TABLE_NAME/index/INDEX_NAME");
        }
        boolean indexDimension = dimension.startsWith("dynamodb:index:");
        if (indexDimension != (m.group(2) != null)) {
            throw AutoScalingErrors.validation("Unsupported service namespace, resource type or scalable dimension: "
                    + "resource ID " + resourceId + " does not fit scalable dimension " + dimension);
        }
        return new ScalableResource(region, resourceId, dimension, m.group(1), m.group(2));
    }

    /** Whether the read units are scaled (else the write units). */
    boolean reads() {
        return dimension.endsWith(":ReadCapacityUnits");
    }

    String key() {
        return region + " " + resourceId + " " + dimension;
    }
}

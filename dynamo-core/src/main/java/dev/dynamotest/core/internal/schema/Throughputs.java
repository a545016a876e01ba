package dev.dynamotest.core.internal.schema;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;

/** Provisioned and on-demand throughput of tables and global secondary indexes: validation and description. */
public final class Throughputs {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    public static final String INVALID = "One or more parameter values were invalid: ";

    private Throughputs() {
    }

    /** Validates a ProvisionedThroughput structure; returns it as described, with no decreases today. */
    public static ObjectNode provisioned(JsonNode throughput, String path) {
        Long read = Json.integer(throughput, "ReadCapacityUnits");
        Long write = Json.integer(throughput, "WriteCapacityUnits");
        new Constraints()
                .notNull(read, path + ".readCapacityUnits")
                .range(read, path + ".readCapacityUnits", 1, Long.MAX_VALUE)
                .notNull(write, path + ".writeCapacityUnits")
                .range(write, path + ".writeCapacityUnits", 1, Long.MAX_VALUE)
                .check();
        ObjectNode pt = NODES.objectNode();
        pt.put("NumberOfDecreasesToday", 0);
        pt.put("ReadCapacityUnits", read);
        pt.put("WriteCapacityUnits", write);
        return pt;
    }

    /** The ProvisionedThroughput DynamoDB describes for on-demand tables and indexes. */
    public static ObjectNode zero() {
        ObjectNode pt = NODES.objectNode();
        pt.put("NumberOfDecreasesToday", 0);
        pt.put("ReadCapacityUnits", 0);
        pt.put("WriteCapacityUnits", 0);
        return pt;
    }

    /** The table's throughput at CreateTable. */
    public static ObjectNode forNewTable(String billingMode, JsonNode throughput) {
        if (PAY_PER_REQUEST.equals(billingMode)) {
            if (throughput != null) {
                throw DynamoException.validation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
            }
            return zero();
        }
        if (throughput == null) {
            throw DynamoException.validation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be "
                    + "specified when BillingMode is PROVISIONED");
        }
        return provisioned(throughput, "provisionedThroughput");
    }

    /** A new global secondary index's throughput, for CreateTable or UpdateTable's Create. */
    public static ObjectNode forNewIndex(String billingMode, JsonNode throughput, String index, String path,
            boolean atCreation) {
        if (PAY_PER_REQUEST.equals(billingMode)) {
            if (throughput != null) {
                throw DynamoException.validation(INVALID + (atCreation
                        ? "ProvisionedThroughput should not be specified for index: " + index
                                + " when BillingMode is PAY_PER_REQUEST"
                        : "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: " + index
                                + " when BillingMode is PAY_PER_REQUEST"));
            }
            return zero();
        }
        if (throughput == null) {
            throw DynamoException.validation(INVALID + (atCreation
                    ? "ProvisionedThroughput is not specified for index: " + index
                    : "ProvisionedThroughput must be specified for index: " + index));
        }
        return provisioned(throughput, path);
    }

    /**
     * Validates an OnDemandThroughput structure for the billing mode; returns it as described, or null.
     * {@code target} names the table ("table") or the index ("index : NAME") in messages.
     */
    public static ObjectNode onDemand(JsonNode spec, String billingMode, String target, boolean allowClear) {
        if (spec == null) {
            return null;
        }
        Long read = Json.integer(spec, "MaxReadRequestUnits");
        Long write = Json.integer(spec, "MaxWriteRequestUnits");
        String suffix = "table".equals(target) ? "" : " for " + target;
        if (!PAY_PER_REQUEST.equals(billingMode) && (read != null || write != null)) {
            throw DynamoException.validation(INVALID + (read != null ? "MaxReadRequestUnits" : "MaxWriteRequestUnits")
                    + " for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED"
                    + suffix);
        }
        checkRange(read, "MaxReadRequestUnits", target, allowClear);
        checkRange(write, "MaxWriteRequestUnits", target, allowClear);
        ObjectNode out = NODES.objectNode();
        out.put("MaxReadRequestUnits", read == null ? -1 : read);
        out.put("MaxWriteRequestUnits", write == null ? -1 : write);
        return out;
    }

    private static void checkRange(Long value, String member, String target, boolean allowClear) {
        if (value != null && value < 1 && !(allowClear && value == -1)) {
            throw DynamoException.validation(INVALID + "Requested " + member + " for OnDemandThroughput for "
                    + target + " is outside of valid range");
        }
    }
}

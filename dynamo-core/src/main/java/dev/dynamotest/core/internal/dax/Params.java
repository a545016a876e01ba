package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The optional parameters that end a DAX data-plane request: a map from a parameter's number to its value
 * (numbers in the order of DAX's request parameters: projection 0, consistent read 2, return consumed capacity 3
 * (1 TOTAL, 2 INDEXES), condition 4, return item collection metrics 6 (1 SIZE), return values 7, update 8,
 * exclusive start key 9, filter 10, index 11, limit 13, scan forward 14, select 15, segment 16, total segments 17,
 * client request token 19).
 */
final class Params {

    static final int PROJECTION = 0;
    static final int CONSISTENT_READ = 2;
    static final int RETURN_CONSUMED_CAPACITY = 3;
    static final int CONDITION = 4;
    static final int RETURN_ITEM_COLLECTION_METRICS = 6;
    static final int RETURN_VALUES = 7;
    static final int UPDATE = 8;
    static final int EXCLUSIVE_START_KEY = 9;
    static final int FILTER = 10;
    static final int INDEX_NAME = 11;
    static final int LIMIT = 13;
    static final int SCAN_INDEX_FORWARD = 14;
    static final int SELECT = 15;
    static final int SEGMENT = 16;
    static final int TOTAL_SEGMENTS = 17;
    static final int CLIENT_REQUEST_TOKEN = 19;

    private static final String[] RETURN_VALUE_NAMES = {null, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW",
        "UPDATED_NEW"};
    private static final String[] SELECT_NAMES = {null, "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "COUNT",
        "SPECIFIC_ATTRIBUTES"};

    private final Map<?, ?> values;

    Params(Object values) {
        if (values != null && !(values instanceof Map<?, ?>)) {
            throw new DaxProtocolException("request parameters are not a map: " + values);
        }
        this.values = values == null ? Map.of() : (Map<?, ?>) values;
    }

    Object get(int parameter) {
        return values.get(Integer.toString(parameter));
    }

    boolean has(int parameter) {
        return get(parameter) != null;
    }

    byte[] bytes(int parameter) {
        Object value = get(parameter);
        return value instanceof byte[] bytes ? bytes : null;
    }

    boolean consistentRead() {
        Object value = get(CONSISTENT_READ);
        return value != null && Cbor.intValue(value) == 1;
    }

    /** DynamoDB's name for the ReturnValues parameter, {@code NONE} when absent. */
    String returnValues() {
        Object value = get(RETURN_VALUES);
        int code = value == null ? 1 : Cbor.intValue(value);
        return code > 0 && code < RETURN_VALUE_NAMES.length ? RETURN_VALUE_NAMES[code] : "NONE";
    }

    /** DynamoDB's name for the ReturnConsumedCapacity parameter, {@code NONE} when absent. */
    String returnConsumedCapacity() {
        Object value = get(RETURN_CONSUMED_CAPACITY);
        int code = value == null ? 0 : Cbor.intValue(value);
        return code == 1 ? "TOTAL" : code == 2 ? "INDEXES" : "NONE";
    }

    /** Whether the request asked for its item collection's metrics (ReturnItemCollectionMetrics SIZE). */
    boolean returnItemCollectionMetrics() {
        Object value = get(RETURN_ITEM_COLLECTION_METRICS);
        return value != null && Cbor.intValue(value) == 1;
    }

    /**
     * Copies ReturnConsumedCapacity and ReturnItemCollectionMetrics into the DynamoDB request when the client asked
     * for them.
     */
    void askForConsumption(ObjectNode request) {
        if (!returnConsumedCapacity().equals("NONE")) {
            request.put("ReturnConsumedCapacity", returnConsumedCapacity());
        }
        if (returnItemCollectionMetrics()) {
            request.put("ReturnItemCollectionMetrics", "SIZE");
        }
    }

    String select() {
        Object value = get(SELECT);
        int code = value == null ? 1 : Cbor.intValue(value);
        return code > 0 && code < SELECT_NAMES.length ? SELECT_NAMES[code] : "ALL_ATTRIBUTES";
    }
}

package dev.dynamotest.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of the DynamoDB, DynamoDB Streams and Application Auto Scaling APIs, by which the request journal
 * records requests and fault rules pick them: {@code PUT_ITEM} is {@code PutItem}. {@link #UNKNOWN} stands for a
 * name outside the APIs.
 */
public enum Operation {
    BATCH_EXECUTE_STATEMENT, BATCH_GET_ITEM, BATCH_WRITE_ITEM, CREATE_BACKUP, CREATE_GLOBAL_TABLE, CREATE_TABLE,
    DELETE_BACKUP, DELETE_ITEM, DELETE_RESOURCE_POLICY, DELETE_TABLE, DESCRIBE_BACKUP, DESCRIBE_CONTINUOUS_BACKUPS,
    DESCRIBE_CONTRIBUTOR_INSIGHTS, DESCRIBE_ENDPOINTS, DESCRIBE_EXPORT, DESCRIBE_GLOBAL_TABLE,
    DESCRIBE_GLOBAL_TABLE_SETTINGS, DESCRIBE_IMPORT, DESCRIBE_KINESIS_STREAMING_DESTINATION, DESCRIBE_LIMITS,
    DESCRIBE_TABLE, DESCRIBE_TABLE_REPLICA_AUTO_SCALING, DESCRIBE_TIME_TO_LIVE, DISABLE_KINESIS_STREAMING_DESTINATION,
    ENABLE_KINESIS_STREAMING_DESTINATION, EXECUTE_STATEMENT, EXECUTE_TRANSACTION, EXPORT_TABLE_TO_POINT_IN_TIME,
    GET_ITEM, GET_RESOURCE_POLICY, IMPORT_TABLE, LIST_BACKUPS, LIST_CONTRIBUTOR_INSIGHTS, LIST_EXPORTS,
    LIST_GLOBAL_TABLES, LIST_IMPORTS, LIST_TABLES, LIST_TAGS_OF_RESOURCE, PUT_ITEM, PUT_RESOURCE_POLICY, QUERY,
    RESTORE_TABLE_FROM_BACKUP, RESTORE_TABLE_TO_POINT_IN_TIME, SCAN, TAG_RESOURCE, TRANSACT_GET_ITEMS,
    TRANSACT_WRITE_ITEMS, UNTAG_RESOURCE, UPDATE_CONTINUOUS_BACKUPS, UPDATE_CONTRIBUTOR_INSIGHTS,
    UPDATE_GLOBAL_TABLE, UPDATE_GLOBAL_TABLE_SETTINGS, UPDATE_ITEM, UPDATE_KINESIS_STREAMING_DESTINATION,
    UPDATE_TABLE, UPDATE_TABLE_REPLICA_AUTO_SCALING, UPDATE_TIME_TO_LIVE,
    /** DynamoDB Streams. */
    LIST_STREAMS, DESCRIBE_STREAM, GET_SHARD_ITERATOR, GET_RECORDS,
    /** Application Auto Scaling, for DynamoDB's read and write capacity. */
    REGISTER_SCALABLE_TARGET, DESCRIBE_SCALABLE_TARGETS, DEREGISTER_SCALABLE_TARGET, PUT_SCALING_POLICY,
    DESCRIBE_SCALING_POLICIES, DELETE_SCALING_POLICY,
    /** An operation name that neither API has. */
    UNKNOWN;

    private static final Map<String, Operation> BY_NAME = new HashMap<>();

    static {
        for (Operation operation : values()) {
            BY_NAME.put(operation.apiName(), operation);
        }
    }

    private final String apiName;

    Operation() {
        StringBuilder name = new StringBuilder();
        for (String word : name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        this.apiName = name.toString();
    }

    /** The name in the API and in {@code X-Amz-Target}: {@code PutItem}. */
    public String apiName() {
        return apiName;
    }

    /** The operation of an API name, or {@link #UNKNOWN}. */
    public static Operation of(String apiName) {
        return apiName == null ? UNKNOWN : BY_NAME.getOrDefault(apiName, UNKNOWN);
    }

    /** The operation of an API name, if it is one. */
    public static Optional<Operation> find(String apiName) {
        Operation operation = of(apiName);
        return operation == UNKNOWN ? Optional.empty() : Optional.of(operation);
    }

    /** Whether the operation writes items (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems). */
    public boolean writesItems() {
        return this == PUT_ITEM || this == UPDATE_ITEM || this == DELETE_ITEM || this == BATCH_WRITE_ITEM
                || this == TRANSACT_WRITE_ITEMS || this == EXECUTE_STATEMENT || this == BATCH_EXECUTE_STATEMENT
                || this == EXECUTE_TRANSACTION;
    }

    /** Whether the operation reads items (GetItem, Query, Scan, BatchGetItem, TransactGetItems, GetRecords). */
    public boolean readsItems() {
        return this == GET_ITEM || this == QUERY || this == SCAN || this == BATCH_GET_ITEM
                || this == TRANSACT_GET_ITEMS || this == GET_RECORDS;
    }

    @Override
    public String toString() {
        return apiName;
    }
}

package dev.dynamotest.core.internal.write;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.EngineConfig;
import dev.dynamotest.core.internal.storage.ItemStore;
import dev.dynamotest.core.internal.storage.TableCatalog;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.streams.StreamCatalog;

/**
 * What every operation needs: the configuration, the table catalog, the item store, the one write path and the
 * stream catalog.
 */
public record EngineContext(EngineConfig config, TableCatalog catalog, ItemStore items, WritePath writes,
        StreamCatalog streams) {

    /** The table of that name in the region, or DynamoDB's ResourceNotFoundException. */
    public TableMeta table(String region, String name) {
        return catalog.find(region, name).orElseThrow(() -> DynamoException.resourceNotFound(
                "Requested resource not found"));
    }

    /** The ARN of a table in a region. */
    public String tableArn(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + config.accountId() + ":table/" + name;
    }
}

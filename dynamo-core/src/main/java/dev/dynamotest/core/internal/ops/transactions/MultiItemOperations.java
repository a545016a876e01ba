package dev.dynamotest.core.internal.ops.transactions;

import dev.dynamotest.core.internal.routing.Api;
import dev.dynamotest.core.internal.routing.Routes;
import dev.dynamotest.core.internal.write.EngineContext;

/** The operations on several items at once: BatchGetItem, BatchWriteItem, TransactGetItems, TransactWriteItems. */
public final class MultiItemOperations {

    private final EngineContext ctx;

    public MultiItemOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Registers the batch and transaction operations. */
    public void registerIn(Routes routes) {
        routes.add(Api.DYNAMODB, "BatchGetItem", new BatchGetItemOperation(ctx));
        routes.add(Api.DYNAMODB, "BatchWriteItem", new BatchWriteItemOperation(ctx));
        routes.add(Api.DYNAMODB, "TransactGetItems", new TransactGetItemsOperation(ctx));
        routes.add(Api.DYNAMODB, "TransactWriteItems", new TransactWriteItemsOperation(ctx));
    }
}

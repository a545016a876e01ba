package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.internal.schema.TableNames;

/** The members of an UpdateTable request, checked for form and for what DynamoDB lets one request combine. */
record UpdateTableRequest(String tableName, String billingMode, String tableClass, JsonNode provisionedThroughput,
        JsonNode indexUpdates, JsonNode attributeDefinitions, JsonNode streamSpecification, JsonNode sseSpecification,
        JsonNode replicaUpdates, Boolean deletionProtection, JsonNode onDemandThroughput, JsonNode warmThroughput) {

    static UpdateTableRequest of(ObjectNode request) {
        String tableName = Json.text(request, "TableName");
        String billingMode = Json.text(request, "BillingMode");
        String tableClass = Json.text(request, "TableClass");
        TableNames.check(tableName);
        new Constraints()
                .oneOf(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST")
                .oneOf(tableClass, "tableClass", "STANDARD", "STANDARD_INFREQUENT_ACCESS")
                .check();
        JsonNode dp = request.get("DeletionProtectionEnabled");
        UpdateTableRequest r = new UpdateTableRequest(tableName, billingMode, tableClass,
                Json.object(request, "ProvisionedThroughput"), nonEmpty(Json.array(request,
                "GlobalSecondaryIndexUpdates")), Json.array(request, "AttributeDefinitions"),
                Json.object(request, "StreamSpecification"), Json.object(request, "SSESpecification"),
                nonEmpty(Json.array(request, "ReplicaUpdates")), dp == null || dp.isNull() ? null : Json.bool(dp),
                Json.object(request, "OnDemandThroughput"), Json.object(request, "WarmThroughput"));
        r.checkCombination();
        return r;
    }

    private static JsonNode nonEmpty(JsonNode list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private int operations() {
        int n = 0;
        for (Object member : new Object[] {billingMode, tableClass, provisionedThroughput, indexUpdates,
            streamSpecification, sseSpecification, replicaUpdates, deletionProtection, onDemandThroughput,
            warmThroughput}) {
            n += member == null ? 0 : 1;
        }
        return n;
    }

    private void checkCombination() {
        int operations = operations();
        if (operations == 0) {
            throw DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
                    + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
                    + "WarmThroughput or TableClass is required");
        }
        if (indexUpdates != null) {
            IndexUpdates.checkForm(indexUpdates);
        }
        if (operations == 1) {
            return;
        }
        only(sseSpecification, "Server-Side Encryption modification must be the only operation in the request");
        only(replicaUpdates, "Replica modification must be the only operation in the request");
        only(tableClass, "TableClass modification must be the only operation in the request");
        only(deletionProtection, "DeletionProtection modification must be the only operation in the request");
        only(warmThroughput, "WarmThroughput must be the only operation in the request");
        if (onDemandThroughput != null && (operations > 2 || billingMode == null)) {
            throw DynamoException.validation(INVALID + "OnDemandThroughput can only be combined with BillingMode in "
                    + "an UpdateTable request");
        }
        if (provisionedThroughput != null && streamSpecification != null) {
            throw DynamoException.validation(INVALID + "You cannot modify stream status while updating table IOPS");
        }
        if (createsOrDeletesIndex() && provisionedThroughput != null) {
            throw DynamoException.validation(INVALID + "You cannot create or delete index while updating table IOPS");
        }
        if (createsOrDeletesIndex() && streamSpecification != null) {
            throw DynamoException.validation(INVALID + "You cannot create or delete index while changing stream "
                    + "status");
        }
    }

    private void only(Object member, String message) {
        if (member != null) {
            throw DynamoException.validation(INVALID + message);
        }
    }

    private boolean createsOrDeletesIndex() {
        if (indexUpdates == null) {
            return false;
        }
        for (JsonNode update : indexUpdates) {
            if (update.has("Create") || update.has("Delete")) {
                return true;
            }
        }
        return false;
    }
}

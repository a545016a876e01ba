package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.RandomIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TransactGetItems (passed through: DAX does not cache transactional reads) and TransactWriteItems (its puts and
 * deletes written through to the item cache once the transaction commits, its updates dropping the item's entry).
 * A cancelled transaction answers with its cancellation reasons, each with the item that failed its condition when
 * ReturnValuesOnConditionCheckFailure asked for it.
 */
final class TransactMethods {

    private static final int PUT = 2;
    private static final int DELETE = 7;
    private static final int UPDATE = 9;
    private static final int CHECK = 12;

    private final DaxService service;

    TransactMethods(DaxService service) {
        this.service = service;
    }

    /** Arguments: tables, keys, projections, parameters. */
    byte[] transactGetItems(String region, List<Object> args) throws IOException {
        List<?> tables = (List<?>) args.get(0);
        List<?> keys = (List<?>) args.get(1);
        List<?> projections = (List<?>) args.get(2);
        ArrayNode items = AttributeValues.JSON.arrayNode();
        List<KeySchema> schemas = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String table = Cbor.text(tables.get(i));
            KeySchema schema = service.schema(region, table);
            schemas.add(schema);
            ObjectNode get = items.addObject().putObject("Get").put("TableName", table);
            get.set("Key", schema.decode((byte[]) keys.get(i)));
            if (projections.get(i) instanceof byte[] projection) {
                Expressions expressions = new Expressions();
                get.put("ProjectionExpression", expressions.projection(projection));
                get.set("ExpressionAttributeNames", expressions.names());
            }
        }
        ObjectNode request = AttributeValues.JSON.objectNode();
        request.set("TransactItems", items);
        new Params(args.get(3)).askForConsumption(request);
        ObjectNode result = service.execute(region, "TransactGetItems", request);
        JsonNode responses = result.path("Responses");
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartArray(null, 2);
        out.writeStartArray(null, tables.size());
        for (int i = 0; i < tables.size(); i++) {
            JsonNode item = responses.path(i).get("Item");
            if (item == null) {
                out.writeNull();
            } else if (projections.get(i) instanceof byte[] projection) {
                DaxService.writeProjected(out, item, Expressions.projectionPaths(projection));
            } else {
                service.writeAttributes(out, schemas.get(i), item);
            }
        }
        out.writeEndArray();
        writeCapacities(out, result.path("ConsumedCapacity"));
        out.writeEndArray();
        return response.bytes();
    }

    /**
     * Arguments: operations, tables, keys, values, (unused), return values on condition check failure, conditions,
     * updates, parameters.
     */
    byte[] transactWriteItems(String region, List<Object> args) throws IOException {
        List<?> operations = (List<?>) args.get(0);
        List<?> tables = (List<?>) args.get(1);
        List<?> keys = (List<?>) args.get(2);
        List<?> values = (List<?>) args.get(3);
        List<?> returnOnFailure = (List<?>) args.get(5);
        List<?> conditions = (List<?>) args.get(6);
        List<?> updates = (List<?>) args.get(7);
        Params params = new Params(args.get(8));
        ArrayNode items = AttributeValues.JSON.arrayNode();
        List<KeySchema> schemas = new ArrayList<>();
        List<JsonNode> itemKeys = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            int operation = Cbor.intValue(operations.get(i));
            String table = Cbor.text(tables.get(i));
            KeySchema schema = service.schema(region, table);
            schemas.add(schema);
            byte[] key = (byte[]) keys.get(i);
            ObjectNode action;
            switch (operation) {
                case PUT -> {
                    action = items.addObject().putObject("Put");
                    action.set("Item", service.item(schema, key, (byte[]) values.get(i)));
                }
                case DELETE -> action = items.addObject().putObject("Delete");
                case UPDATE -> action = items.addObject().putObject("Update");
                case CHECK -> action = items.addObject().putObject("ConditionCheck");
                default -> throw new DaxProtocolException("unknown transaction operation " + operation);
            }
            action.put("TableName", table);
            ObjectNode keyAttributes = schema.decode(key);
            itemKeys.add(keyAttributes);
            if (operation != PUT) {
                action.set("Key", keyAttributes);
            }
            Expressions expressions = new Expressions();
            if (updates.get(i) instanceof byte[] update) {
                action.put("UpdateExpression", expressions.update(update));
            }
            if (conditions.get(i) instanceof byte[] condition) {
                action.put("ConditionExpression", expressions.condition(condition, ":c"));
            }
            if (expressions.hasNames()) {
                action.set("ExpressionAttributeNames", expressions.names());
            }
            if (expressions.hasValues()) {
                action.set("ExpressionAttributeValues", expressions.values());
            }
            if (Cbor.intValue(returnOnFailure.get(i)) == 2) {
                action.put("ReturnValuesOnConditionCheckFailure", "ALL_OLD");
            }
        }
        ObjectNode request = AttributeValues.JSON.objectNode();
        request.set("TransactItems", items);
        if (params.get(Params.CLIENT_REQUEST_TOKEN) instanceof String token) {
            request.put("ClientRequestToken", token);
        }
        params.askForConsumption(request);
        ObjectNode result;
        try {
            result = service.execute(region, "TransactWriteItems", request);
        } catch (DynamoException e) {
            JsonNode reasons = e.details().get("CancellationReasons");
            if (reasons == null) {
                throw e;
            }
            return DaxResponse.error(DaxErrors.codes(e.type(), e.statusCode()), e.getMessage(), e.type(),
                    e.statusCode(), RandomIds.uuid().toString(), out -> writeReasons(out, reasons,
                            schemas));
        }
        for (int i = 0; i < items.size(); i++) {
            String cacheKey = DaxService.itemKey(region, Cbor.text(tables.get(i)), schemas.get(i), itemKeys.get(i));
            JsonNode put = items.get(i).get("Put");
            if (put != null) {
                ObjectNode item = ((ObjectNode) put.get("Item")).deepCopy();
                service.items().put(cacheKey, Optional.of(item), DaxService.sizeOf(item));
            } else if (items.get(i).has("Delete")) {
                service.items().put(cacheKey, Optional.empty(), DaxService.sizeOf(null));
            } else if (items.get(i).has("Update")) {
                service.items().remove(cacheKey);
            }
        }
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartArray(null, 3);
        out.writeStartArray(null, 0);
        out.writeEndArray();
        writeCapacities(out, result.path("ConsumedCapacity"));
        BatchMethods.writeItemCollectionMetrics(out, result.path("ItemCollectionMetrics"));
        out.writeEndArray();
        return response.bytes();
    }

    /** The transaction's ConsumedCapacity per table, in the map form transactions use. */
    private static void writeCapacities(CBORGenerator out, JsonNode capacities) throws IOException {
        out.writeStartArray(null, capacities.size());
        for (JsonNode capacity : capacities) {
            Consumption.writeExtended(out, capacity);
        }
        out.writeEndArray();
    }

    private void writeReasons(CBORGenerator out, JsonNode reasons, List<KeySchema> schemas) throws IOException {
        out.writeStartArray(null, 3 * reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            JsonNode reason = reasons.get(i);
            writeText(out, reason.get("Code"));
            writeText(out, reason.get("Message"));
            JsonNode item = reason.get("Item");
            if (item == null) {
                out.writeNull();
            } else {
                service.writeAttributes(out, schemas.get(i), item);
            }
        }
        out.writeEndArray();
    }

    private static void writeText(CBORGenerator out, JsonNode text) throws IOException {
        if (text == null || text.isNull()) {
            out.writeNull();
        } else {
            out.writeString(text.asText());
        }
    }
}

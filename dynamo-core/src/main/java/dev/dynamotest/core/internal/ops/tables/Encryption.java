package dev.dynamotest.core.internal.ops.tables;

import static dev.dynamotest.core.internal.schema.TableDescriptions.NODES;
import static dev.dynamotest.core.internal.schema.Throughputs.INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.RandomIds;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.protocol.Json;

/**
 * A table's SSESpecification: validated as DynamoDB does and described as SSEDescription. Without it (or with
 * Enabled false) the table is encrypted with an AWS owned key and DynamoDB describes no SSEDescription.
 */
final class Encryption {

    private Encryption() {
    }

    /** Applies CreateTable's or UpdateTable's specification to a description. */
    static void apply(ObjectNode description, JsonNode spec, String region, String accountId, boolean update) {
        if (spec == null) {
            return;
        }
        JsonNode enabledNode = spec.get("Enabled");
        String type = Json.text(spec, "SSEType");
        String key = Json.text(spec, "KMSMasterKeyId");
        new Constraints().oneOf(type, "sSESpecification.sSEType", "AES256", "KMS").check();
        boolean enabled = enabledNode == null || enabledNode.isNull() ? type != null || key != null
                : Json.bool(enabledNode);
        if (!enabled && type != null) {
            throw DynamoException.validation(INVALID + "SSEType can not be specified if Enabled is false");
        }
        if (!enabled && key != null) {
            throw DynamoException.validation(INVALID + "KMSMasterKeyId can not be specified if Enabled is false");
        }
        if ("AES256".equals(type)) {
            throw DynamoException.validation(INVALID + "SSEType AES256 is not supported");
        }
        if (!enabled) {
            if (update && !description.has("SSEDescription")) {
                throw DynamoException.validation(INVALID + "Table is already encrypted by default");
            }
            description.remove("SSEDescription");
            return;
        }
        String keyArn = key == null ? "arn:aws:kms:" + region + ":" + accountId + ":key/" + RandomIds.uuid()
                : key.startsWith("arn:") ? key : "arn:aws:kms:" + region + ":" + accountId + ":key/" + key;
        if (update && keyArn.equals(description.path("SSEDescription").path("KMSMasterKeyArn").asText(null))) {
            throw DynamoException.validation(INVALID + "Table is already encrypted with given KMSMasterKeyId. Use "
                    + "KMSMasterKeyId parameter if you want to change Master Key");
        }
        ObjectNode sse = NODES.objectNode();
        sse.put("Status", "ENABLED");
        sse.put("SSEType", "KMS");
        sse.put("KMSMasterKeyArn", keyArn);
        description.set("SSEDescription", sse);
    }
}

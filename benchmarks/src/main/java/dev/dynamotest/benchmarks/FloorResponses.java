package dev.dynamotest.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The fixed answers of the HTTP floor, one per operation, shaped as DynamoDB's so that the SDK accepts them:
 * GetItem answers one benchmark item, Query and Scan a page of {@value Operation#PAGE} of them, writes nothing.
 */
final class FloorResponses {

    /** A fixed answer and its {@code x-amz-crc32} header, which the SDK checks. */
    record Answer(byte[] body, String crc32) {

        static Answer of(String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(body);
            return new Answer(body, Long.toString(crc.getValue()));
        }
    }

    private static final String ITEM = "{\"pk\":{\"S\":\"item#1\"},\"sk\":{\"S\":\"0\"},\"payload\":{\"S\":\""
            + Items.PAYLOAD + "\"},\"n\":{\"N\":\"0\"},\"state\":{\"S\":\"NEW\"}}";
    private static final String PAGE = "\"Count\":" + Operation.PAGE + ",\"ScannedCount\":" + Operation.PAGE
            + ",\"Items\":[" + String.join(",", java.util.Collections.nCopies(Operation.PAGE, ITEM)) + "]";
    private static final String TABLE = "{\"TableName\":\"Bench\",\"TableStatus\":\"ACTIVE\",\"ItemCount\":0}";

    private static final Answer EMPTY = Answer.of("{}");
    private static final Map<String, Answer> ANSWERS = Map.of(
            "GetItem", Answer.of("{\"Item\":" + ITEM + "}"),
            "Query", Answer.of("{" + PAGE + ",\"LastEvaluatedKey\":{\"pk\":{\"S\":\"item#1\"},\"sk\":{\"S\":\"0\"}}}"),
            "Scan", Answer.of("{" + PAGE + "}"),
            "BatchWriteItem", Answer.of("{\"UnprocessedItems\":{}}"),
            "CreateTable", Answer.of("{\"TableDescription\":" + TABLE + "}"),
            "DescribeTable", Answer.of("{\"Table\":" + TABLE + "}"));

    private FloorResponses() {
    }

    /** The answer to the operation named in an {@code X-Amz-Target} header such as {@code DynamoDB_20120810.GetItem}. */
    static Answer forTarget(String target) {
        if (target == null) {
            return EMPTY;
        }
        return ANSWERS.getOrDefault(target.substring(target.indexOf('.') + 1), EMPTY);
    }
}

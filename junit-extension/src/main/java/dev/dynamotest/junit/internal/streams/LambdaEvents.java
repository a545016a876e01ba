package dev.dynamotest.junit.internal.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.model.StreamRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stream records as Lambda delivers them: {@code DynamodbEvent}s of aws-lambda-java-events (whose attribute
 * values are that library's own classes), and the same event as JSON, which filter patterns match.
 */
final class LambdaEvents {

    static final String EVENT_VERSION = "1.1";
    static final String EVENT_SOURCE = "aws:dynamodb";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LambdaEvents() {
    }

    /** A new event holding the batch; each invocation gets its own objects. */
    static DynamodbEvent event(List<StreamRecord> batch) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(batch.size());
        for (StreamRecord r : batch) {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(r.eventId());
            record.setEventName(r.eventName());
            record.setEventVersion(EVENT_VERSION);
            record.setEventSource(EVENT_SOURCE);
            record.setAwsRegion(r.region());
            record.setEventSourceARN(r.streamArn());
            var dynamodb = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord();
            dynamodb.setApproximateCreationDateTime(Date.from(r.approximateCreation()));
            dynamodb.setKeys(item(r.keys()));
            if (r.newImage() != null) {
                dynamodb.setNewImage(item(r.newImage()));
            }
            if (r.oldImage() != null) {
                dynamodb.setOldImage(item(r.oldImage()));
            }
            dynamodb.setSequenceNumber(r.sequenceNumber());
            dynamodb.setSizeBytes(r.sizeBytes());
            dynamodb.setStreamViewType(StreamViewType.fromValue(r.viewType()));
            record.setDynamodb(dynamodb);
            if (r.byTimeToLive()) {
                record.setUserIdentity(new Identity().withType("Service").withPrincipalId("dynamodb.amazonaws.com"));
            }
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    /** The record as the JSON of Lambda's event, for filter patterns. */
    static ObjectNode json(StreamRecord r) {
        ObjectNode record = NODES.objectNode();
        record.put("eventID", r.eventId());
        record.put("eventName", r.eventName());
        record.put("eventVersion", EVENT_VERSION);
        record.put("eventSource", EVENT_SOURCE);
        record.put("awsRegion", r.region());
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", r.approximateCreation().getEpochSecond());
        dynamodb.set("Keys", itemJson(r.keys()));
        if (r.newImage() != null) {
            dynamodb.set("NewImage", itemJson(r.newImage()));
        }
        if (r.oldImage() != null) {
            dynamodb.set("OldImage", itemJson(r.oldImage()));
        }
        dynamodb.put("SequenceNumber", r.sequenceNumber());
        dynamodb.put("SizeBytes", r.sizeBytes());
        dynamodb.put("StreamViewType", r.viewType());
        record.put("eventSourceARN", r.streamArn());
        if (r.byTimeToLive()) {
            record.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        return record;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> item(
            Map<String, AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(
            AttributeValue v) {
        var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (v instanceof AttributeValue.S s) {
            out.setS(s.value());
        } else if (v instanceof AttributeValue.N n) {
            out.setN(n.value());
        } else if (v instanceof AttributeValue.B b) {
            out.setB(ByteBuffer.wrap(b.value().clone()));
        } else if (v instanceof AttributeValue.BOOL b) {
            out.setBOOL(b.value());
        } else if (v instanceof AttributeValue.NULL) {
            out.setNULL(true);
        } else if (v instanceof AttributeValue.M m) {
            out.setM(item(m.value()));
        } else if (v instanceof AttributeValue.L l) {
            out.setL(l.value().stream().map(LambdaEvents::value).toList());
        } else if (v instanceof AttributeValue.SS ss) {
            out.setSS(List.copyOf(ss.value()));
        } else if (v instanceof AttributeValue.NS ns) {
            out.setNS(List.copyOf(ns.value()));
        } else if (v instanceof AttributeValue.BS bs) {
            out.setBS(bs.value().stream().map(b -> ByteBuffer.wrap(b.clone())).toList());
        }
        return out;
    }

    private static ObjectNode itemJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, valueJson(value)));
        return node;
    }

    private static ObjectNode valueJson(AttributeValue v) {
        ObjectNode node = NODES.objectNode();
        Base64.Encoder base64 = Base64.getEncoder();
        if (v instanceof AttributeValue.S s) {
            node.put("S", s.value());
        } else if (v instanceof AttributeValue.N n) {
            node.put("N", n.value());
        } else if (v instanceof AttributeValue.B b) {
            node.put("B", base64.encodeToString(b.value()));
        } else if (v instanceof AttributeValue.BOOL b) {
            node.put("BOOL", b.value());
        } else if (v instanceof AttributeValue.NULL) {
            node.put("NULL", true);
        } else if (v instanceof AttributeValue.M m) {
            node.set("M", itemJson(m.value()));
        } else if (v instanceof AttributeValue.L l) {
            ArrayNode list = node.putArray("L");
            l.value().forEach(e -> list.add(valueJson(e)));
        } else if (v instanceof AttributeValue.SS ss) {
            ss.value().forEach(node.putArray("SS")::add);
        } else if (v instanceof AttributeValue.NS ns) {
            ns.value().forEach(node.putArray("NS")::add);
        } else if (v instanceof AttributeValue.BS bs) {
            ArrayNode list = node.putArray("BS");
            bs.value().forEach(b -> list.add(base64.encodeToString(b)));
        }
        return node;
    }
}

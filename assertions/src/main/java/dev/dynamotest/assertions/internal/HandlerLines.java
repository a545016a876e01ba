package dev.dynamotest.assertions.internal;

import dev.dynamotest.assertions.HandlerInvocation;
import dev.dynamotest.assertions.OnFailureRecord;
import dev.dynamotest.core.model.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a stream handler's invocations and on-failure records for handler assertion messages. */
public final class HandlerLines {

    private HandlerLines() {
    }

    /** {@code INSERT {pk=A#1} #000000000000000000001}. */
    public static String record(StreamRecord record) {
        return record.eventName() + " " + Render.key(record.keys(), List.copyOf(record.keys().keySet())) + " #"
                + record.sequenceNumber();
    }

    /** A trailing block listing the invocations, or nothing when there were none. */
    public static String invocations(List<HandlerInvocation> invocations) {
        if (invocations.isEmpty()) {
            return "\nThe handler was not invoked.";
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < invocations.size(); i++) {
            HandlerInvocation invocation = invocations.get(i);
            lines.add((i + 1) + ". " + invocation.records().stream().map(HandlerLines::record)
                    .collect(Collectors.joining(", ", "[", "]")) + " " + outcome(invocation));
        }
        return "\ninvocations:\n" + Messages.list(lines);
    }

    /** A trailing block listing the on-failure records, or nothing when there are none. */
    public static String onFailure(List<OnFailureRecord> records) {
        if (records.isEmpty()) {
            return "";
        }
        return "\non-failure destination records:\n" + Messages.list(records.stream()
                .map(r -> r.condition() + ", batch of " + r.batchSize() + " (#" + r.startSequenceNumber() + " to #"
                        + r.endSequenceNumber() + "), invoked " + Messages.count(r.approximateInvokeCount(), "time"))
                .toList());
    }

    private static String outcome(HandlerInvocation invocation) {
        if (invocation.error() != null) {
            return "failed: " + invocation.error().getClass().getSimpleName()
                    + (invocation.error().getMessage() == null ? "" : ": " + invocation.error().getMessage());
        }
        if (!invocation.batchItemFailures().isEmpty()) {
            return "reported failed items " + invocation.batchItemFailures().stream().map(s -> "#" + s)
                    .collect(Collectors.joining(", "));
        }
        return "succeeded";
    }
}

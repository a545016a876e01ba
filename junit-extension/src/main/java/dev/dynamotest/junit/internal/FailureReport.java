package dev.dynamotest.junit.internal;

import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code DynamoDiagnostics}: the requests a test made and the contents of the tables they
 * touched (or, if none, the declared tables), within fixed bounds so that a report stays readable.
 */
final class FailureReport {

    static final int MAX_REQUESTS = 50;
    static final int MAX_TABLES = 10;
    static final int MAX_ITEMS = 20;
    static final int MAX_ITEM_LENGTH = 300;
    static final int MAX_THROTTLES = 10;

    private FailureReport() {
    }

    static String render(Backend backend, Declarations declarations, List<RecordedRequest> requests) {
        StringBuilder out = new StringBuilder("endpoint ").append(backend.address()).append('\n');
        requests(out, requests);
        throttling(out, backend);
        Map<String, String[]> tables = new LinkedHashMap<>();
        requests.forEach(r -> r.tables().forEach(t -> tables.putIfAbsent(r.region() + "/" + t,
                new String[] {r.region(), t})));
        declarations.tables().forEach(t -> tables.putIfAbsent(t.region() + "/" + t.name(),
                new String[] {t.region(), t.name()}));
        int shown = 0;
        for (String[] table : tables.values()) {
            if (shown++ == MAX_TABLES) {
                out.append("... and ").append(tables.size() - MAX_TABLES).append(" more tables\n");
                break;
            }
            table(out, backend, table[0], table[1]);
        }
        return out.toString().stripTrailing();
    }

    private static void requests(StringBuilder out, List<RecordedRequest> requests) {
        if (requests.isEmpty()) {
            out.append("the test made no requests to the endpoint\n");
            return;
        }
        out.append("requests made by the test (").append(requests.size()).append("):\n");
        int skipped = Math.max(0, requests.size() - MAX_REQUESTS);
        if (skipped > 0) {
            out.append("  ... ").append(skipped).append(" earlier requests left out\n");
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = skipped; i < requests.size(); i++) {
            RecordedRequest r = requests.get(i);
            rows.add(new String[] {String.valueOf(i + 1), r.operation().apiName(),
                    r.tables().isEmpty() ? "-" : String.join(",", r.tables()), outcome(r)});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < 3; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            out.append("  ").append(" ".repeat(widths[0] - row[0].length())).append(row[0]).append(". ")
                    .append(pad(row[1], widths[1])).append("  ").append(pad(row[2], widths[2])).append("  ")
                    .append(row[3]).append('\n');
        }
    }

    /** The throttle events of the test: throttled requests, and those DynamoDB would throttle in production. */
    private static void throttling(StringBuilder out, Backend backend) {
        if (backend.engine() == null) {
            return;
        }
        List<ThrottleEvent> events = backend.engine().capacity().throttles();
        if (events.isEmpty()) {
            return;
        }
        long observed = events.stream().filter(e -> !e.enforced()).count();
        out.append("throttling (").append(events.size()).append(")");
        if (observed > 0) {
            ThrottleEvent first = events.stream().filter(e -> !e.enforced()).findFirst().orElseThrow();
            out.append(": in production this test's traffic would be throttled on table ").append(first.table())
                    .append(" at ").append(first.time());
        }
        out.append('\n');
        int skipped = Math.max(0, events.size() - MAX_THROTTLES);
        if (skipped > 0) {
            out.append("  ... ").append(skipped).append(" earlier throttle events left out\n");
        }
        events.subList(skipped, events.size()).forEach(e -> out.append("  ").append(e).append('\n'));
    }

    private static void table(StringBuilder out, Backend backend, String region, String name) {
        List<Map<String, AttributeValue>> items;
        long count;
        try {
            items = backend.items(region, name, MAX_ITEMS);
            count = items == null ? 0 : backend.itemCount(region, name);
        } catch (RuntimeException e) {
            out.append("table ").append(name).append(" (").append(region).append("): cannot be read: ")
                    .append(e.getMessage()).append('\n');
            return;
        }
        out.append("table ").append(name).append(" (").append(region).append(")");
        if (items == null) {
            out.append(": does not exist\n");
            return;
        }
        out.append(", ").append(count).append(count == 1 ? " item" : " items").append(items.isEmpty() ? "\n" : ":\n");
        List<String> keys = backend.keyNames(region, name);
        items.forEach(item -> out.append("  ").append(ItemText.item(item, keys, MAX_ITEM_LENGTH)).append('\n'));
        if (count > items.size()) {
            out.append("  ... and ").append(count - items.size()).append(" more\n");
        }
    }

    /** The outcome, with the attempt of a retried call and the fault that shaped it. */
    private static String outcome(RecordedRequest r) {
        StringBuilder out = new StringBuilder(r.outcome());
        if (r.isRetry()) {
            out.append(" (attempt ").append(r.attempt()).append(')');
        }
        if (r.faulted()) {
            out.append(" [fault: ").append(r.fault()).append(']');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}

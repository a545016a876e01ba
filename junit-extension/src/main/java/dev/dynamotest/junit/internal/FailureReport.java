package dev.dynamotest.junit.internal;

import dev.dynamotest.core.capacity.ThrottleEvent;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.core.requests.RecordedRequest;
import dev.dynamotest.core.requests.RecordedRequests;
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

    /**
     * The test's requests, numbered from 1 within the test as its request assertions number them, with a region
     * column when they were signed for more than one region.
     */
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
        RecordedRequests.of(requests, "requests of the test").listing(requests.subList(skipped, requests.size()))
                .forEach(line -> out.append("  ").append(line).append('\n'));
    }

    /**
     * The throttle events of the test, by what made them; "would be throttled in production" counts only the
     * capacity model's events that a table observing its capacity ({@code CapacityMode.OBSERVE}) let through, never
     * the throttles fault rules injected nor those already refused.
     */
    private static void throttling(StringBuilder out, Backend backend) {
        if (backend.engine() == null) {
            return;
        }
        List<ThrottleEvent> events = backend.engine().capacity().throttles();
        if (events.isEmpty()) {
            return;
        }
        long injected = events.stream().filter(e -> e.source() == ThrottleEvent.Source.FAULT_RULE).count();
        long model = events.size() - injected;
        out.append("throttling (").append(events.size()).append("): ");
        if (model > 0) {
            out.append(model).append(" from the capacity model");
        }
        if (injected > 0) {
            out.append(model > 0 ? ", " : "").append(injected).append(" injected by fault rules");
        }
        out.append('\n');
        List<ThrottleEvent> observed = events.stream()
                .filter(e -> e.source() == ThrottleEvent.Source.CAPACITY_MODEL && !e.enforced()).toList();
        if (!observed.isEmpty()) {
            ThrottleEvent first = observed.get(0);
            out.append("in production this test's traffic would be throttled: ").append(observed.size())
                    .append(observed.size() == 1 ? " request over capacity was" : " requests over capacity were")
                    .append(" let through (CapacityMode.OBSERVE), the first on table ")
                    .append(first.table()).append(" at ").append(first.time()).append('\n');
        }
        boolean regions = events.stream().map(ThrottleEvent::region).distinct().count() > 1;
        int skipped = Math.max(0, events.size() - MAX_THROTTLES);
        if (skipped > 0) {
            out.append("  ... ").append(skipped).append(" earlier throttle events left out\n");
        }
        events.subList(skipped, events.size()).forEach(e -> out.append("  ").append(regions ? e.region() + " " : "")
                .append(e).append('\n'));
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
}

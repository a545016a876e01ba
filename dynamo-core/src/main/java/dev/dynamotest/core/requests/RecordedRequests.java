package dev.dynamotest.core.requests;

import dev.dynamotest.core.Door;
import dev.dynamotest.core.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A live view of recorded requests (all of a journal, those since a mark, or a filtered part of them): each
 * reading sees the requests recorded up to that moment. Request assertions read it.
 *
 * <pre>{@code
 * RecordedRequests requests = dynamo.requests();
 * client.putItem(...);
 * requests.count(Operation.PUT_ITEM);   // 1, or more when the SDK retried
 * }</pre>
 */
public final class RecordedRequests implements Iterable<RecordedRequest> {

    private final Supplier<List<RecordedRequest>> source;
    private final String description;

    /** A view over a source of requests, with a description for messages ("requests of the test"). */
    public RecordedRequests(Supplier<List<RecordedRequest>> source, String description) {
        this.source = source;
        this.description = description;
    }

    /** A fixed list of requests. */
    public static RecordedRequests of(List<RecordedRequest> requests, String description) {
        List<RecordedRequest> copy = List.copyOf(requests);
        return new RecordedRequests(() -> copy, description);
    }

    /** The requests as they are now, in arrival order. */
    public List<RecordedRequest> list() {
        return source.get();
    }

    /** What the view holds, for messages: {@code requests of the test}, {@code ... on table Orders}. */
    public String description() {
        return description;
    }

    /** The requests that match a predicate; {@code what} describes them ("with PutItem"). */
    public RecordedRequests filter(Predicate<RecordedRequest> predicate, String what) {
        return new RecordedRequests(() -> source.get().stream().filter(predicate).toList(), description + " " + what);
    }

    /** The requests of an operation. */
    public RecordedRequests ofOperation(Operation operation) {
        return filter(r -> r.operation() == operation, "with " + operation.apiName());
    }

    /** The requests that name a table. */
    public RecordedRequests onTable(String table) {
        return filter(r -> r.touches(table), "on table " + table);
    }

    /** The requests signed for a region, named by its id ({@code eu-west-1}). */
    public RecordedRequests inRegion(String region) {
        return filter(r -> r.region().equals(region), "in region " + region);
    }

    /** Whether this view's requests, as they are now, were signed for more than one region. */
    public boolean spansRegions() {
        return list().stream().map(RecordedRequest::region).distinct().limit(2).count() > 1;
    }

    /** The requests that came through a door ({@link Door#DAX}, ...). */
    public RecordedRequests through(Door door) {
        return filter(r -> r.door() == door, "through " + door);
    }

    /** Whether this view's requests, as they are now, came through more than one door. */
    public boolean spansDoors() {
        return list().stream().map(RecordedRequest::door).distinct().limit(2).count() > 1;
    }

    /**
     * Lines that list some of this view's requests, in the given order and aligned in columns: the number, the
     * operation, the tables (with the index of a Query or Scan), the region when this view's requests were signed
     * for more than one region ({@link #spansRegions()}), the door when some came through DAX and some through
     * another door ({@link #spansDoors()}; HTTP and in-process requests alone are not told apart, as they are the
     * same protocol), and the outcome with the attempt of a retry and the fault
     * that shaped it. Failure reports and request assertions list requests this way:
     * <pre>
     * #1  PutItem  Orders  us-east-1  InternalServerError: Internal server error [fault: region outage (SERVER_ERROR)]
     * #2  PutItem  Orders  eu-west-1  OK
     * </pre>
     * and, with requests through DAX and HTTP:
     * <pre>
     * #1  GetItem  Orders  DAX   OK
     * #2  PutItem  Orders  HTTP  OK
     * </pre>
     */
    public List<String> listing(List<RecordedRequest> shown) {
        boolean withRegion = spansRegions();
        boolean withDoor = spansDoors() && list().stream().anyMatch(r -> r.door() == Door.DAX);
        List<String[]> rows = new ArrayList<>(shown.size());
        for (RecordedRequest r : shown) {
            String tables = r.tables().isEmpty() ? "-" : String.join(",", r.tables());
            rows.add(new String[] {"#" + r.number(), r.operation().apiName(),
                    r.index() == null ? tables : tables + "/" + r.index(),
                    r.region() == null || r.region().isEmpty() ? "-" : r.region(), r.door().name(), outcome(r)});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                if (c == 3 && !withRegion || c == 4 && !withDoor) {
                    continue;
                }
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
            }
            lines.add(line.append(row[5]).toString());
        }
        return List.copyOf(lines);
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

    public int size() {
        return list().size();
    }

    /** The number of requests of an operation. */
    public long count(Operation operation) {
        return list().stream().filter(r -> r.operation() == operation).count();
    }

    /** The requests grouped by SDK call (invocation id), in order of each call's first attempt. */
    public Map<String, List<RecordedRequest>> byInvocation() {
        Map<String, List<RecordedRequest>> calls = new LinkedHashMap<>();
        for (RecordedRequest r : list()) {
            String id = r.invocationId() != null ? r.invocationId() : "#" + r.number();
            calls.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
        }
        calls.replaceAll((k, v) -> List.copyOf(v));
        return calls;
    }

    @Override
    public Iterator<RecordedRequest> iterator() {
        return list().iterator();
    }

    @Override
    public String toString() {
        return description + " " + list();
    }
}

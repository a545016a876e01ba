package dev.dynamotest.core.requests;

import dev.dynamotest.core.Operation;
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

    /** The requests signed for a region. */
    public RecordedRequests inRegion(String region) {
        return filter(r -> r.region().equals(region), "in region " + region);
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
            calls.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(r);
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

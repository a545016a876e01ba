package dev.dynamotest.core.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.ConnectionDrop;
import dev.dynamotest.core.Door;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.Operation;
import dev.dynamotest.core.RequestInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's record of the requests it received, outermost in the interceptor chain: each request with its
 * region, operation, tables, SDK attempt and call, outcome, latency, the fault that shaped it, if any, and the
 * {@link Door} it came through.
 * Keeps the latest {@value #CAPACITY}. Obtain it with {@link dev.dynamotest.core.DynamoEngine#requests()}.
 *
 * <p>Requests read after a mark are numbered from 1 after that mark ({@link RecordedRequest#number()}), so the
 * numbers a test sees (in its assertions' messages and in its failure report) count its own requests.
 *
 * <pre>{@code
 * long mark = engine.requests().mark();
 * ...
 * RecordedRequests since = engine.requests().since(mark);
 * }</pre>
 */
public final class RequestJournal implements RequestInterceptor {

    /** How many requests the journal keeps; older ones are dropped in halves. */
    public static final int CAPACITY = 10_000;
    private static final String ATTEMPT = "attempt=";
    private static final String MAX = "max=";

    private final Clock clock;
    private final List<RecordedRequest> records = new ArrayList<>();
    private final ThreadLocal<String[]> currentFault = new ThreadLocal<>();
    private long dropped;

    /**
     * A journal of its own, fed by {@link #record}: for requests observed outside an engine (by an SDK interceptor in
     * front of an endpoint this JVM does not run). Engines make theirs.
     */
    public RequestJournal(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a request observed outside the engine, as of now on the journal's clock.
     *
     * @param attempt     the SDK's attempt number, 0 if unknown
     * @param statusCode  the HTTP status of the answer, 0 if none came
     * @param errorType   the error type, or {@code null} on success
     */
    public void record(String region, Operation operation, List<String> tables, int attempt, String invocationId,
            int statusCode, String errorType, String errorMessage, Duration latency) {
        record(region, operation, tables, attempt, 0, invocationId, statusCode, errorType, errorMessage, latency, null);
    }

    /**
     * Records a request observed outside the engine, as of now on the journal's clock, with the SDK's maximum
     * attempts (0 if unknown) and the fault that shaped its answer ({@code null} if none did).
     */
    public void record(String region, Operation operation, List<String> tables, int attempt, int maxAttempts,
            String invocationId, int statusCode, String errorType, String errorMessage, Duration latency,
            String fault) {
        synchronized (this) {
            if (records.size() == CAPACITY) {
                records.subList(0, CAPACITY / 2).clear();
                dropped += CAPACITY / 2;
            }
            records.add(new RecordedRequest(dropped + records.size() + 1, clock.now(), region, operation, tables, null,
                    attempt, maxAttempts, invocationId, statusCode, errorType, errorMessage, latency, fault,
                    Door.HTTP));
        }
    }

    /** The number of requests recorded so far: a mark to pass to {@link #since(long)}. */
    public synchronized long mark() {
        return dropped + records.size();
    }

    /** A live view of the requests recorded after the mark (those still kept), numbered from 1 after it. */
    public RecordedRequests since(long mark) {
        return new RecordedRequests(() -> recordedSince(mark), "requests after mark " + mark);
    }

    /** A live view of every request still kept. */
    public RecordedRequests all() {
        return new RecordedRequests(() -> recordedSince(0), "requests");
    }

    /**
     * The requests recorded after the mark, as they are now, numbered from 1 after the mark: the first request after
     * {@code mark()} is #1 (a request the journal no longer keeps leaves a gap at the start).
     */
    public List<RecordedRequest> recordedSince(long mark) {
        List<RecordedRequest> kept;
        synchronized (this) {
            int from = (int) Math.max(0, mark - dropped);
            kept = from >= records.size() ? List.of() : List.copyOf(records.subList(from, records.size()));
        }
        if (mark <= 0) {
            return kept;
        }
        List<RecordedRequest> numbered = new ArrayList<>(kept.size());
        for (RecordedRequest r : kept) {
            numbered.add(new RecordedRequest(r.number() - mark, r.time(), r.region(), r.operation(), r.tables(),
                    r.index(), r.attempt(), r.maxAttempts(), r.invocationId(), r.statusCode(), r.errorType(),
                    r.errorMessage(), r.latency(), r.fault(), r.door()));
        }
        return List.copyOf(numbered);
    }

    /**
     * Notes that a fault shaped the answer to the request now being handled on this thread (called by fault
     * injection from inside the chain); the journal records the description with it.
     */
    public void noteFault(String description) {
        String[] fault = currentFault.get();
        if (fault != null) {
            fault[0] = fault[0] == null ? description : fault[0] + ", " + description;
        }
    }

    /** Records the request and how it ended: the journal is the interceptor that the engine puts first in its chain. */
    @Override
    public ObjectNode intercept(DynamoRequest request, RequestInterceptor.Invocation next) {
        Instant time = clock.now();
        long start = System.nanoTime();
        String[] previous = currentFault.get();
        String[] fault = new String[1];
        currentFault.set(fault);
        int status = 200;
        String errorType = null;
        String message = null;
        try {
            return next.proceed(request);
        } catch (DynamoException e) {
            status = e.statusCode();
            errorType = e.type();
            message = e.getMessage();
            throw e;
        } catch (ConnectionDrop e) {
            status = 0;
            errorType = RecordedRequest.CONNECTION_DROPPED;
            throw e;
        } catch (RuntimeException | Error e) {
            status = 500;
            errorType = "InternalServerError";
            message = e.toString();
            throw e;
        } finally {
            currentFault.set(previous);
            add(request, time, Duration.ofNanos(System.nanoTime() - start), status, errorType, message, fault[0]);
        }
    }

    private void add(DynamoRequest request, Instant time, Duration latency, int status, String errorType,
            String message, String fault) {
        String sdkRequest = request.header("amz-sdk-request");
        ObjectNode body = request.body();
        String index = indexOf(body);
        synchronized (this) {
            if (records.size() == CAPACITY) {
                records.subList(0, CAPACITY / 2).clear();
                dropped += CAPACITY / 2;
            }
            records.add(new RecordedRequest(dropped + records.size() + 1, time, request.region(),
                    Operation.of(request.operation()), tablesOf(body), index, number(ATTEMPT, sdkRequest),
                    number(MAX, sdkRequest), request.header("amz-sdk-invocation-id"), status, errorType, message,
                    latency, fault, request.door()));
        }
    }

    /**
     * The number after the first {@code name} (such as {@code attempt=}) that a digit follows, 0 if none or too
     * large: what {@code name(\\d+)} finds, without a regular expression on every request.
     */
    private static int number(String name, String header) {
        if (header == null) {
            return 0;
        }
        for (int at = header.indexOf(name); at >= 0; at = header.indexOf(name, at + 1)) {
            int start = at + name.length();
            int end = start;
            while (end < header.length() && header.charAt(end) >= '0' && header.charAt(end) <= '9') {
                end++;
            }
            if (end > start) {
                try {
                    return Integer.parseInt(header, start, end, 10);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * The index a request body reads: its IndexName, or the index a PartiQL SELECT names ({@code "Table"."Index"});
     * null when it reads a table.
     */
    public static String indexOf(ObjectNode body) {
        if (body == null) {
            return null;
        }
        if (body.hasNonNull("IndexName")) {
            return body.get("IndexName").asText();
        }
        JsonNode statement = body.get("Statement");
        return statement != null && statement.isTextual() ? StatementTables.indexOf(statement.asText()) : null;
    }

    /**
     * The tables a request body names: TableName, a table ARN, an Application Auto Scaling ResourceId
     * ({@code table/NAME[/index/INDEX]}), the keys of RequestItems, TransactItems', and the tables of PartiQL
     * statements (Statement, Statements, TransactStatements).
     */
    public static List<String> tablesOf(ObjectNode body) {
        if (body == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        addText(names, body.get("TableName"));
        JsonNode arn = body.get("ResourceArn");
        if (arn == null) {
            arn = body.get("StreamArn");
        }
        if (arn != null && arn.isTextual() && arn.asText().contains(":table/")) {
            String rest = arn.asText().substring(arn.asText().indexOf(":table/") + 7);
            names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        JsonNode resourceId = body.get("ResourceId");
        if (resourceId != null && resourceId.isTextual() && resourceId.asText().startsWith("table/")) {
            String rest = resourceId.asText().substring("table/".length());
            names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        JsonNode requestItems = body.get("RequestItems");
        if (requestItems != null && requestItems.isObject()) {
            requestItems.fieldNames().forEachRemaining(names::add);
        }
        JsonNode transactItems = body.get("TransactItems");
        if (transactItems != null && transactItems.isArray()) {
            for (JsonNode action : transactItems) {
                for (Iterator<Map.Entry<String, JsonNode>> it = action.fields(); it.hasNext(); ) {
                    addText(names, it.next().getValue().get("TableName"));
                }
            }
        }
        addStatement(names, body.get("Statement"));
        for (String field : List.of("Statements", "TransactStatements")) {
            JsonNode statements = body.get(field);
            if (statements != null && statements.isArray()) {
                statements.forEach(s -> addStatement(names, s.get("Statement")));
            }
        }
        return List.copyOf(names);
    }

    private static void addStatement(Set<String> names, JsonNode statement) {
        if (statement != null && statement.isTextual()) {
            String table = StatementTables.of(statement.asText());
            if (table != null) {
                names.add(table);
            }
        }
    }

    private static void addText(Set<String> names, JsonNode node) {
        if (node != null && node.isTextual()) {
            names.add(node.asText());
        }
    }
}

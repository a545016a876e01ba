package dev.dynamotest.core.internal.ops.transactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.Clock;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.write.CapacityTally;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ClientRequestTokens of TransactWriteItems: within 10 minutes (of the engine clock) of a successful
 * transaction, the same token with the same request returns that transaction's result again without running
 * it, and with another request fails with IdempotentParameterMismatchException.
 */
final class ClientTokens {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** What a successful transaction left: its response and consumed capacity, and what reading it costs. */
    record Done(ObjectNode response, CapacityTally writeUnits, Map<String, Double> readUnits) {
    }

    /** The result of {@link #runOnce}: the transaction's, and whether it ran before (so not now). */
    record Result(Done done, boolean replayed) {
    }

    /** A completed transaction; the request is kept as a SHA-256 digest of its canonical JSON, not as a tree. */
    private record Entry(byte[] request, Done done, Instant completed) {
    }

    private final Clock clock;
    /** In completion order, so that expired tokens are always at the head. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ClientTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs the transaction unless the token already ran it (then returns that run). Calls are serialised, so two
     * calls with one token never both run; {@code request} is what must match (the request less its token).
     */
    Result runOnce(String region, String token, JsonNode request, Supplier<Done> run) {
        byte[] digest = digest(request);
        synchronized (this) {
            return runOnce(region + "/" + token, digest, run);
        }
    }

    private Result runOnce(String id, byte[] request, Supplier<Done> run) {
        Instant now = clock.now();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (now.isBefore(it.next().completed().plus(WINDOW))) {
                break;
            }
            it.remove();
        }
        Entry previous = entries.get(id);
        if (previous != null) {
            if (!MessageDigest.isEqual(previous.request(), request)) {
                throw new DynamoException("IdempotentParameterMismatchException",
                        "Request parameters do not match the parameters of the previous request with this "
                                + "ClientRequestToken");
            }
            return new Result(previous.done(), true);
        }
        Done done = run.get();
        entries.put(id, new Entry(request, done, clock.now()));
        return new Result(done, false);
    }

    private static byte[] digest(JsonNode request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Canonical.WRITER.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot digest a transaction request", e);
        }
    }

    /**
     * Writes objects with their fields sorted, so that equal trees give equal bytes. Made with the first token, not
     * with the engine: Jackson's data binding costs a cold start a few hundred classes.
     */
    private static final class Canonical {
        static final ObjectWriter WRITER = JsonMapper.builder()
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build().writer();
    }
}

package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.requests.RequestJournal;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.faults.Faults;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The endpoint the tests of a class use: an engine started in this JVM, or one running elsewhere. */
public interface Backend extends AutoCloseable {

    URI endpoint();

    /** Where the endpoint is, for messages: its URL, without starting anything to learn it. */
    default String address() {
        return endpoint().toString();
    }

    /** Runs an operation outside the request journal; fails with the endpoint's {@link DynamoException}. */
    ObjectNode execute(String region, String operation, ObjectNode body);

    /** The requests the endpoint received from the code under test. */
    RequestJournal journal();

    /** The regions that may hold tables. */
    Set<String> regions();

    /** The tables of a region that belong to this class, by the names the tests use. */
    List<String> tableNames(String region);

    /** Removes every item of a table. */
    void truncate(String region, String table);

    /** Deletes a table. */
    void drop(String region, String table);

    /** Up to {@code limit} items of a table, or {@code null} if it does not exist. */
    List<Map<String, AttributeValue>> items(String region, String table, int limit);

    /** The key attribute names of a table: partition key, then sort key if any; empty if it does not exist. */
    List<String> keyNames(String region, String table);

    /** The number of items in a table. */
    long itemCount(String region, String table);

    /** The controllable clock, which only an engine in this JVM has. */
    ControllableClock clock();

    /** The engine, which only exists in this JVM. */
    DynamoEngine engine();

    /** Whether the endpoint implements the operation. */
    boolean supports(String operation);

    /** The credentials that clients of the endpoint sign with. */
    default AwsCredentialsProvider credentials() {
        return Clients.DUMMY_CREDENTIALS;
    }

    /** What the injected clients must carry to talk to the endpoint as the tests expect. */
    default List<ExecutionInterceptor> clientInterceptors() {
        return List.of();
    }

    /** The fault rules for the tests' requests, or {@code null} if the endpoint cannot have any. */
    default Faults faults() {
        return null;
    }

    /** The name of a declared table at the endpoint. */
    default String physicalName(String declaredName) {
        return declaredName;
    }

    @Override
    void close();
}

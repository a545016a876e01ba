package dev.dynamotest.junit.internal;

import dev.dynamotest.core.requests.RequestJournal;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.assertions.internal.SdkValues;
import dev.dynamotest.core.ControllableClock;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import dev.dynamotest.faults.ClientFaults;
import dev.dynamotest.faults.Faults;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An endpoint this JVM does not run (AWS, another DynamoDB-compatible server): the class's tables live there
 * under a prefix of their own, are emptied item by item between tests, and are deleted when the class ends.
 */
final class RemoteBackend implements Backend {

    private final RemoteTarget target;
    private final String classRegion;
    private final TableNamePrefix prefix;
    private final RequestJournal journal = new RequestJournal(dev.dynamotest.core.Clock.system());
    private final RemoteTableNames names;
    private final ClientFaults faults = Faults.forClients();
    private final RemoteInterceptor interceptor;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final SignedCalls calls;
    private final Clients admin;
    private final RemoteTables tables;
    private final Set<String> setupRegions = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> supported = new ConcurrentHashMap<>();

    RemoteBackend(RemoteTarget target, String classRegion) {
        this.target = target;
        this.classRegion = classRegion;
        this.prefix = new TableNamePrefix(target.prefix());
        this.names = new RemoteTableNames(prefix);
        this.interceptor = new RemoteInterceptor(prefix, journal, names);
        this.calls = new SignedCalls(target.endpoint(), target.credentials(), http);
        this.admin = new Clients(target.endpoint(), Region.of(classRegion), target.credentials(), List.of());
        this.tables = new RemoteTables();
    }

    @Override
    public URI endpoint() {
        return target.endpoint();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return target.credentials();
    }

    @Override
    public List<ExecutionInterceptor> clientInterceptors() {
        // the prefix first: SDK interceptors see requests in order and responses in reverse order, so the journal
        // sees the answers the fault rules gave, and the rules see requests by their declared names
        return List.of(interceptor, faults.executionInterceptor(names));
    }

    /** Rules applied inside the injected clients, which see the tables by their declared names. */
    @Override
    public ClientFaults faults() {
        return faults;
    }

    @Override
    public String physicalName(String declaredName) {
        return prefix.physical(declaredName);
    }

    @Override
    public ObjectNode execute(String region, String operation, ObjectNode body) {
        String at = at(region);
        setupRegions.add(at);
        ObjectNode answer;
        try {
            answer = calls.call(at, operation, prefix.toEndpoint(body));
        } catch (DynamoException e) {
            throw new DynamoException(e.wireType().contains("#") ? e.wireType().substring(0, e.wireType()
                    .indexOf('#')) : DynamoException.DYNAMODB_NAMESPACE, e.type(), e.statusCode(),
                    prefix.message(e.getMessage()), null);
        }
        if (operation.equals("CreateTable")) {
            names.learn(answer.path("TableDescription").path("TableArn").asText(null));
            tables.awaitActive(client(at), prefix.physical(body.path("TableName").asText()));
        }
        return answer;
    }

    /**
     * Whether the endpoint knows the operation: asked once with an empty request, which a server that knows it
     * refuses as invalid and one that does not refuses as unknown.
     */
    @Override
    public boolean supports(String operation) {
        return supported.computeIfAbsent(operation, op -> {
            try {
                calls.call(at(classRegion), op, JsonNodeFactory.instance.objectNode());
                return true;
            } catch (DynamoException e) {
                return !e.type().equals("UnknownOperationException");
            }
        });
    }

    @Override
    public RequestJournal journal() {
        return journal;
    }

    @Override
    public Set<String> regions() {
        Set<String> regions = new LinkedHashSet<>();
        regions.add(at(classRegion));
        setupRegions.forEach(r -> regions.add(at(r)));
        interceptor.regions().forEach(r -> regions.add(at(r)));
        return regions;
    }

    @Override
    public List<String> tableNames(String region) {
        return tables.names(client(at(region))).stream().filter(prefix::owns).map(prefix::logical).sorted().toList();
    }

    @Override
    public void truncate(String region, String table) {
        DynamoDbClient client = client(at(region));
        String name = prefix.physical(table);
        List<String> keys = keyNames(region, table);
        if (keys.isEmpty()) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            names.put("#k" + i, keys.get(i));
        }
        List<WriteRequest> deletes = new ArrayList<>();
        for (ScanResponse page : client.scanPaginator(ScanRequest.builder().tableName(name).consistentRead(true)
                .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names).build())) {
            page.items().forEach(item -> deletes.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder().key(item).build()).build()));
        }
        tables.deleteAll(client, name, deletes);
    }

    @Override
    public void drop(String region, String table) {
        tables.delete(client(at(region)), prefix.physical(table), true);
    }

    @Override
    public List<Map<String, AttributeValue>> items(String region, String table, int limit) {
        try {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (ScanResponse page : client(at(region)).scanPaginator(ScanRequest.builder()
                    .tableName(prefix.physical(table)).consistentRead(true).limit(limit).build())) {
                for (var item : page.items()) {
                    if (items.size() == limit) {
                        return items;
                    }
                    items.add(SdkValues.toCore(item));
                }
            }
            return items;
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    @Override
    public List<String> keyNames(String region, String table) {
        try {
            List<KeySchemaElement> schema = client(at(region)).describeTable(r -> r.tableName(prefix.physical(table)))
                    .table().keySchema();
            List<String> names = new ArrayList<>();
            schema.stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> names.add(k.attributeName()));
            schema.stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> names.add(k.attributeName()));
            return names;
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    @Override
    public long itemCount(String region, String table) {
        try {
            long count = 0;
            for (ScanResponse page : client(at(region)).scanPaginator(ScanRequest.builder()
                    .tableName(prefix.physical(table)).consistentRead(true).select(Select.COUNT).build())) {
                count += page.count();
            }
            return count;
        } catch (ResourceNotFoundException e) {
            return 0;
        }
    }

    @Override
    public ControllableClock clock() {
        return null;
    }

    @Override
    public DynamoEngine engine() {
        return null;
    }

    /** Deletes every table of the class's prefix, without waiting for the deletions to finish. */
    @Override
    public void close() {
        List<String> left = new ArrayList<>();
        try {
            for (String region : regions()) {
                DynamoDbClient client = client(region);
                for (String name : tables.names(client)) {
                    if (prefix.owns(name)) {
                        try {
                            tables.delete(client, name, false);
                        } catch (RuntimeException e) {
                            left.add(name + " (" + region + "): " + e.getMessage());
                        }
                    }
                }
            }
        } finally {
            faults.close();
            admin.close();
            http.close();
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("the tables of this class at " + target.endpoint()
                    + " could not all be deleted; delete them by hand: " + left);
        }
    }

    private DynamoDbClient client(String region) {
        return admin.clientFor(Region.of(region));
    }

    /** The region to sign for: the endpoint's one region if it serves one, else the one asked for. */
    private String at(String region) {
        return target.region() != null ? target.region() : region;
    }
}

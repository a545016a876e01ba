package dev.dynamotest.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.requests.RecordedRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Brings a backend's tables to what a test class declares: creates, empties, drops and seeds them. */
final class TableSetup {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SCHEMA_CHANGES = Set.of("UpdateTable", "UpdateTimeToLive",
            "UpdateContinuousBackups", "EnableKinesisStreamingDestination", "DisableKinesisStreamingDestination",
            "UpdateKinesisStreamingDestination", "TagResource", "UntagResource");

    private final Backend backend;

    TableSetup(Backend backend) {
        this.backend = backend;
    }

    /**
     * Drops the tables the declarations do not name, empties the declared ones (or creates them anew where
     * requests since the mark changed their definition), creates the missing ones and seeds them all.
     */
    void reset(Declarations declarations, long mark) {
        Set<String> changed = withWholeReplicaGroups(declarations, changedSince(mark));
        for (String region : backend.regions()) {
            for (String name : backend.tableNames(region)) {
                if (!declarations.declares(region, name) || changed.contains(region + "/" + name)) {
                    backend.drop(region, name);
                } else {
                    backend.truncate(region, name);
                }
            }
        }
        createMissing(declarations.tables());
        seed(declarations, declarations.seeds());
    }

    /** Creates the declared tables that do not exist yet and seeds those alone; leaves the rest as it is. */
    void ensure(Declarations declarations) {
        List<TableDeclaration> created = createMissing(declarations.tables());
        Set<String> keys = new HashSet<>();
        created.forEach(t -> keys.add(t.region() + "/" + t.name()));
        seed(declarations, declarations.seeds().stream()
                .filter(s -> keys.contains(s.region() + "/" + s.table())).toList());
    }

    /** Adds every replica of a declared global table of which one replica changed: the group is made anew. */
    private static Set<String> withWholeReplicaGroups(Declarations declarations, Set<String> changed) {
        Set<String> all = new HashSet<>(changed);
        for (TableDeclaration table : declarations.tables()) {
            JsonNode group = table.createRequest().get(CloudFormationTables.REPLICA_GROUP);
            if (group == null) {
                continue;
            }
            boolean touched = false;
            for (JsonNode region : group) {
                touched |= changed.contains(region.asText() + "/" + table.name());
            }
            if (touched) {
                group.forEach(region -> all.add(region.asText() + "/" + table.name()));
            }
        }
        return all;
    }

    private Set<String> changedSince(long mark) {
        Set<String> changed = new HashSet<>();
        for (RecordedRequest record : backend.journal().recordedSince(mark)) {
            if (SCHEMA_CHANGES.contains(record.operation().apiName())) {
                record.tables().forEach(t -> changed.add(record.region() + "/" + t));
            }
        }
        return changed;
    }

    private List<TableDeclaration> createMissing(List<TableDeclaration> tables) {
        Set<String> existing = new HashSet<>();
        tables.stream().map(TableDeclaration::region).distinct()
                .forEach(r -> backend.tableNames(r).forEach(n -> existing.add(r + "/" + n)));
        List<TableDeclaration> missing = tables.stream()
                .filter(t -> !existing.contains(t.region() + "/" + t.name())).toList();
        missing.forEach(this::create);
        return missing;
    }

    private void create(TableDeclaration table) {
        ObjectNode create = table.createRequest().deepCopy();
        JsonNode group = create.remove(CloudFormationTables.REPLICA_GROUP);
        JsonNode scaling = create.remove(CloudFormationScaling.AUTO_SCALING);
        JsonNode afterCreate = create.remove(CloudFormationTables.AFTER_CREATE);
        if (group == null || !backend.tableNames(table.region()).contains(table.name())) {
            try {
                backend.execute(table.region(), "CreateTable", create);
                if (group != null) {
                    addReplicas(table, group);
                }
                if (scaling != null) {
                    addAutoScaling(table, scaling);
                }
            } catch (DynamoException e) {
                throw new MisuseException(table.source() + ": the endpoint refuses the table: " + e.type() + ": "
                        + e.getMessage(), e);
            }
        }
        if (afterCreate != null) {
            for (JsonNode request : afterCreate) {
                String operation = request.get("Operation").asText();
                if (backend.supports(operation)) {
                    backend.execute(table.region(), operation, (ObjectNode) request.get("Request").deepCopy());
                }
            }
        }
        if (table.ttlAttribute() != null && backend.supports("UpdateTimeToLive")) {
            ObjectNode request = NODES.objectNode().put("TableName", table.name());
            request.putObject("TimeToLiveSpecification").put("Enabled", true)
                    .put("AttributeName", table.ttlAttribute());
            backend.execute(table.region(), "UpdateTimeToLive", request);
        }
    }

    /**
     * Makes the global table's other regions replicas of the table just created (they are created so). An
     * endpoint without global tables refuses; then each region gets a table of its own, unreplicated.
     */
    private void addReplicas(TableDeclaration table, JsonNode group) {
        for (JsonNode region : group) {
            if (region.asText().equals(table.region())
                    || backend.tableNames(region.asText()).contains(table.name())) {
                continue;
            }
            ObjectNode update = NODES.objectNode().put("TableName", table.name());
            update.putArray("ReplicaUpdates").addObject().putObject("Create").put("RegionName", region.asText());
            try {
                backend.execute(table.region(), "UpdateTable", update);
            } catch (DynamoException e) {
                return;
            }
        }
    }

    /** Registers the template's scalable targets and policies; an endpoint without auto scaling goes without. */
    private void addAutoScaling(TableDeclaration table, JsonNode requests) {
        for (JsonNode request : requests) {
            try {
                backend.execute(table.region(), request.get("Operation").asText(),
                        (ObjectNode) request.get("Request").deepCopy());
            } catch (DynamoException e) {
                if (e.type().equals("UnknownOperationException")) {
                    return;
                }
                throw new MisuseException(table.source() + ": the endpoint refuses its auto scaling: "
                        + request.get("Operation").asText() + ": " + e.type() + ": " + e.getMessage(), e);
            }
        }
    }

    private void seed(Declarations declarations, List<SeedDeclaration> seeds) {
        for (SeedDeclaration seed : seeds) {
            if (!declarations.declares(seed.region(), seed.table())) {
                throw new MisuseException(seed.source() + ": table " + seed.table() + " (" + seed.region()
                        + ") is not declared; declare it with @DynamoTable or @DynamoTablesFrom (declared: "
                        + declarations.namesIn(seed.region()) + ")");
            }
            int index = 0;
            for (ObjectNode item : seed.items()) {
                index++;
                ObjectNode request = NODES.objectNode().put("TableName", seed.table());
                request.set("Item", item);
                try {
                    backend.execute(seed.region(), "PutItem", request);
                } catch (DynamoException e) {
                    throw new MisuseException(seed.source() + ": item " + index + " for table " + seed.table()
                            + " is refused: " + e.type() + ": " + e.getMessage(), e);
                }
            }
        }
    }
}

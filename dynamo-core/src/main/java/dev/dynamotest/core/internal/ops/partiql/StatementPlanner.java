package dev.dynamotest.core.internal.ops.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.partiql.DocumentPath;
import dev.dynamotest.core.internal.partiql.ExpressionWriter;
import dev.dynamotest.core.internal.partiql.Predicate;
import dev.dynamotest.core.internal.partiql.Statement;
import dev.dynamotest.core.internal.partiql.StatementErrors;
import dev.dynamotest.core.internal.partiql.Term;
import dev.dynamotest.core.internal.storage.IndexMeta;
import dev.dynamotest.core.internal.storage.KeyAttribute;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns a parsed statement into the request of the operation it runs as, with DynamoDB expressions that the
 * operation's own evaluators judge: INSERT as PutItem, UPDATE as UpdateItem, DELETE as DeleteItem, EXISTS as a
 * transaction's ConditionCheck, and SELECT as GetItem (an equality on every key attribute of the table and
 * nothing else), Query (an equality or IN on the partition key) or Scan (anything else).
 */
final class StatementPlanner {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SORT_KEY_OPERATORS = Set.of("=", "<", "<=", ">", ">=");

    private final EngineContext ctx;

    StatementPlanner(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** A request for an operation. */
    record Call(String operation, ObjectNode body) {
    }

    /** How a SELECT runs: one GetItem or Scan, or one Query per partition key value (IN). */
    record ReadPlan(String operation, List<ObjectNode> parts) {
    }

    // writes

    /** The PutItem, UpdateItem or DeleteItem request of a write statement. */
    Call write(String region, Statement statement) {
        TableMeta table = ctx.table(region, statement.table());
        if (statement instanceof Statement.Insert insert) {
            return new Call("PutItem", insert(table, insert));
        }
        if (statement instanceof Statement.Update update) {
            return new Call("UpdateItem", update(table, update));
        }
        if (statement instanceof Statement.Delete delete) {
            return new Call("DeleteItem", delete(table, delete));
        }
        throw new IllegalArgumentException("not a write: " + statement);
    }

    /** The TransactItems member of a write statement or an EXISTS condition check. */
    ObjectNode transactItem(String region, Statement statement) {
        ObjectNode item = NODES.objectNode();
        if (statement instanceof Statement.Select exists) {
            item.set("ConditionCheck", conditionCheck(ctx.table(region, exists.table()), exists));
            return item;
        }
        Call call = write(region, statement);
        if (call.body().has("ReturnValues")) {
            throw StatementErrors.unsupported("RETURNING is not supported in a transaction");
        }
        String member = switch (call.operation()) {
            case "PutItem" -> "Put";
            case "UpdateItem" -> "Update";
            default -> "Delete";
        };
        item.set(member, call.body());
        return item;
    }

    private ObjectNode insert(TableMeta table, Statement.Insert insert) {
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode body = request(table);
        body.set("Item", insert.item());
        body.put("ConditionExpression", "attribute_not_exists(" + writer.path(top(table.hashKey().name())) + ")");
        writer.putInto(body);
        return body;
    }

    private ObjectNode update(TableMeta table, Statement.Update update) {
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode body = request(table);
        KeySplit split = fullKey(table, update.where());
        body.set("Key", split.key());
        StringJoiner set = new StringJoiner(", ", "SET ", "").setEmptyValue("");
        StringJoiner add = new StringJoiner(", ", " ADD ", "").setEmptyValue("");
        StringJoiner delete = new StringJoiner(", ", " DELETE ", "").setEmptyValue("");
        for (Statement.Assignment assignment : update.set()) {
            if (assignment.value() instanceof Term.Call call && !call.function().equals("list_append")) {
                (call.function().equals("set_add") ? add : delete).add(setChange(writer, assignment, call));
            } else {
                set.add(writer.path(assignment.path()) + " = " + writer.term(assignment.value()));
            }
        }
        StringJoiner remove = new StringJoiner(", ", " REMOVE ", "").setEmptyValue("");
        update.remove().forEach(p -> remove.add(writer.path(p)));
        body.put("UpdateExpression", (set.toString() + remove + add + delete).trim());
        String exists = "attribute_exists(" + writer.path(top(table.hashKey().name())) + ")";
        String rest = writer.conjunction(split.rest());
        body.put("ConditionExpression", rest == null ? exists : exists + " AND " + rest);
        if (update.returnValues() != null) {
            body.put("ReturnValues", update.returnValues());
        }
        writer.putInto(body);
        return body;
    }

    /** {@code SET a = set_add(a, <<...>>)} as {@code ADD a :v}; set_delete as {@code DELETE a :v}. */
    private static String setChange(ExpressionWriter writer, Statement.Assignment assignment, Term.Call call) {
        if (!(call.first() instanceof Term.Path target) || !target.path().equals(assignment.path())
                || !(call.second() instanceof Term.Value value)) {
            throw StatementErrors.unsupported("" + call.function()
                    + " takes the attribute it sets and a set value: SET " + assignment.path() + " = "
                    + call.function() + "(" + assignment.path() + ", <<...>>)");
        }
        return writer.path(assignment.path()) + " " + writer.value(value.value());
    }

    private ObjectNode delete(TableMeta table, Statement.Delete delete) {
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode body = request(table);
        KeySplit split = fullKey(table, delete.where());
        body.set("Key", split.key());
        String rest = writer.conjunction(split.rest());
        if (rest != null) {
            body.put("ConditionExpression", rest);
        }
        if (delete.returnValues() != null) {
            if (!delete.returnValues().equals("ALL_OLD")) {
                throw DynamoException.validation("Invalid returning clause: RETURNING "
                        + delete.returnValues().replace("UPDATED", "MODIFIED").replace('_', ' ')
                        + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
            }
            body.put("ReturnValues", "ALL_OLD");
        }
        writer.putInto(body);
        return body;
    }

    private ObjectNode conditionCheck(TableMeta table, Statement.Select exists) {
        if (exists.index() != null) {
            throw StatementErrors.unsupported("EXISTS on an index");
        }
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode body = request(table);
        KeySplit split = fullKey(table, exists.where());
        if (split.rest().isEmpty()) {
            throw StatementErrors.unsupported("EXISTS needs a condition besides the key");
        }
        body.set("Key", split.key());
        body.put("ConditionExpression", "attribute_exists(" + writer.path(top(table.hashKey().name())) + ") AND "
                + writer.conjunction(split.rest()));
        writer.putInto(body);
        return body;
    }

    // reads

    /** The GetItem request of a SELECT that names a whole key and nothing else, for batches and transactions. */
    ObjectNode pointGet(String region, Statement.Select select) {
        TableMeta table = ctx.table(region, select.table());
        if (select.index() != null) {
            throw StatementErrors.unsupported("reading an index in a batch or transaction");
        }
        KeySplit split = fullKey(table, select.where());
        if (!split.rest().isEmpty() || select.orderBy() != null) {
            throw StatementErrors.missingKeyEquality();
        }
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode body = request(table);
        body.set("Key", split.key());
        projection(select, writer, body);
        writer.putInto(body);
        return body;
    }

    /** How a SELECT runs. */
    ReadPlan read(String region, Statement.Select select) {
        TableMeta table = ctx.table(region, select.table());
        IndexMeta index = null;
        if (select.index() != null) {
            index = table.index(select.index()).orElseThrow(() -> DynamoException.resourceNotFound(
                    "Requested resource not found"));
        }
        List<KeyAttribute> partition = index == null ? List.of(table.hashKey()) : index.hashKeys();
        List<KeyAttribute> sort = index == null ? optional(table.rangeKey()) : index.rangeKeys();
        List<Predicate> conjuncts = conjuncts(select.where());
        if (index == null && select.orderBy() == null) {
            List<String> keys = new ArrayList<>(names(partition));
            keys.addAll(names(sort));
            KeySplit whole = split(keys, conjuncts);
            if (whole != null && whole.rest().isEmpty()) {
                ExpressionWriter writer = new ExpressionWriter();
                ObjectNode body = request(table);
                body.set("Key", whole.key());
                projection(select, writer, body);
                writer.putInto(body);
                return new ReadPlan("GetItem", List.of(body));
            }
        }
        List<List<JsonNode>> partitions = partitionValues(partition, conjuncts);
        Predicate sortCondition = partitions != null && sort.size() == 1
                ? sortKeyCondition(sort.get(0).name(), conjuncts) : null;
        if (partitions != null && filterNamesKey(conjuncts, partition, sort)) {
            partitions = null;
        }
        if (partitions == null) {
            if (select.orderBy() != null) {
                throw StatementErrors.unsupported("ORDER BY needs an equality or IN on the "
                        + "partition key in the WHERE clause, and at most one condition on the sort key");
            }
            ExpressionWriter writer = new ExpressionWriter();
            ObjectNode body = request(table, index);
            if (select.where() != null) {
                body.put("FilterExpression", writer.condition(select.where()));
            }
            projection(select, writer, body);
            writer.putInto(body);
            return new ReadPlan("Scan", List.of(body));
        }
        if (select.orderBy() != null && (sort.size() != 1 || !select.orderBy().isTopLevel()
                || !select.orderBy().attribute().equals(sort.get(0).name()))) {
            throw StatementErrors.unsupported("ORDER BY is only supported on the sort key");
        }
        List<ObjectNode> parts = new ArrayList<>();
        for (List<JsonNode> values : partitions) {
            ExpressionWriter writer = new ExpressionWriter();
            ObjectNode body = request(table, index);
            StringJoiner key = new StringJoiner(" AND ");
            for (int i = 0; i < partition.size(); i++) {
                key.add(writer.path(top(partition.get(i).name())) + " = " + writer.value(values.get(i)));
            }
            if (sortCondition != null) {
                key.add(writer.condition(sortCondition));
            }
            body.put("KeyConditionExpression", key.toString());
            String filter = writer.conjunction(conjuncts);
            if (filter != null) {
                body.put("FilterExpression", filter);
            }
            if (select.descending()) {
                body.put("ScanIndexForward", false);
            }
            projection(select, writer, body);
            writer.putInto(body);
            parts.add(body);
        }
        return new ReadPlan("Query", parts);
    }

    /** The partition key values to query, one list per Query; null when the statement runs as a Scan. */
    private static List<List<JsonNode>> partitionValues(List<KeyAttribute> partition, List<Predicate> conjuncts) {
        if (partition.size() == 1) {
            String name = partition.get(0).name();
            for (Predicate conjunct : conjuncts) {
                JsonNode value = equality(conjunct, name);
                if (value != null) {
                    conjuncts.remove(conjunct);
                    return List.of(List.of(value));
                }
                if (conjunct instanceof Predicate.In in && isAttribute(in.operand(), name)) {
                    conjuncts.remove(conjunct);
                    List<List<JsonNode>> all = new ArrayList<>();
                    for (Term member : in.values()) {
                        all.add(List.of(((Term.Value) member).value()));
                    }
                    return all;
                }
            }
            return null;
        }
        KeySplit split = split(names(partition), conjuncts);
        if (split == null) {
            return null;
        }
        conjuncts.retainAll(split.rest());
        List<JsonNode> values = new ArrayList<>();
        partition.forEach(k -> values.add(split.key().get(k.name())));
        return List.of(values);
    }

    /** Whether a conjunct left for a Query's filter names a key attribute, which a Query's filter may not. */
    private static boolean filterNamesKey(List<Predicate> conjuncts, List<KeyAttribute> partition,
            List<KeyAttribute> sort) {
        for (Predicate conjunct : conjuncts) {
            Set<String> read = Predicate.attributes(conjunct);
            if (partition.stream().anyMatch(k -> read.contains(k.name()))
                    || sort.stream().anyMatch(k -> read.contains(k.name()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes from the conjuncts the condition a Query's key condition holds on the sort key, or null: an inclusive
     * lower and upper bound together as BETWEEN, else the first comparison, BETWEEN or begins_with on it.
     */
    private static Predicate sortKeyCondition(String name, List<Predicate> conjuncts) {
        Predicate lower = null;
        Predicate upper = null;
        for (Predicate conjunct : conjuncts) {
            String operator = boundOperator(conjunct, name);
            if (">=".equals(operator) && lower == null) {
                lower = conjunct;
            } else if ("<=".equals(operator) && upper == null) {
                upper = conjunct;
            }
        }
        if (lower != null && upper != null) {
            conjuncts.remove(lower);
            conjuncts.remove(upper);
            return new Predicate.Between(new Term.Path(top(name)), boundValue(lower, name), boundValue(upper, name));
        }
        for (Predicate conjunct : conjuncts) {
            String operator = boundOperator(conjunct, name);
            if (operator != null) {
                conjuncts.remove(conjunct);
                return new Predicate.Compare(new Term.Path(top(name)), operator, boundValue(conjunct, name));
            }
            if (conjunct instanceof Predicate.Between b && isAttribute(b.operand(), name)
                    && b.low() instanceof Term.Value && b.high() instanceof Term.Value
                    || conjunct instanceof Predicate.Function f && f.name().equals("begins_with")
                    && f.path().isTopLevel() && f.path().attribute().equals(name)
                    && f.argument() instanceof Term.Value) {
                conjuncts.remove(conjunct);
                return conjunct;
            }
        }
        return null;
    }

    /** The operator of {@code name op value}, turned round when written {@code value op name}; null for others. */
    private static String boundOperator(Predicate predicate, String name) {
        if (!(predicate instanceof Predicate.Compare c) || !SORT_KEY_OPERATORS.contains(c.operator())) {
            return null;
        }
        if (isAttribute(c.left(), name) && c.right() instanceof Term.Value) {
            return c.operator();
        }
        if (isAttribute(c.right(), name) && c.left() instanceof Term.Value) {
            return switch (c.operator()) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> c.operator();
            };
        }
        return null;
    }

    private static Term boundValue(Predicate bound, String name) {
        Predicate.Compare c = (Predicate.Compare) bound;
        return isAttribute(c.left(), name) ? c.right() : c.left();
    }

    // keys

    /** A WHERE clause's equalities on key attributes, and the conjuncts left over. */
    private record KeySplit(ObjectNode key, List<Predicate> rest) {
    }

    private static KeySplit fullKey(TableMeta table, Predicate where) {
        List<String> keys = new ArrayList<>(List.of(table.hashKey().name()));
        if (table.rangeKey() != null) {
            keys.add(table.rangeKey().name());
        }
        KeySplit split = split(keys, conjuncts(where));
        if (split == null) {
            throw StatementErrors.missingKeyEquality();
        }
        return split;
    }

    /** Splits the conjuncts into an equality on each attribute and the rest; null when one has no equality. */
    private static KeySplit split(List<String> attributes, List<Predicate> conjuncts) {
        ObjectNode key = NODES.objectNode();
        List<Predicate> rest = new ArrayList<>(conjuncts);
        for (String attribute : attributes) {
            Predicate found = null;
            for (Predicate conjunct : rest) {
                JsonNode value = equality(conjunct, attribute);
                if (value != null) {
                    key.set(attribute, value);
                    found = conjunct;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            rest.remove(found);
        }
        return new KeySplit(key, rest);
    }

    /** The value of {@code attribute = value} (either way round), or null. */
    private static JsonNode equality(Predicate predicate, String attribute) {
        if (predicate instanceof Predicate.Compare c && c.operator().equals("=")) {
            if (isAttribute(c.left(), attribute) && c.right() instanceof Term.Value v) {
                return v.value();
            }
            if (isAttribute(c.right(), attribute) && c.left() instanceof Term.Value v) {
                return v.value();
            }
        }
        return null;
    }

    private static boolean isAttribute(Term term, String attribute) {
        return term instanceof Term.Path p && p.path().isTopLevel() && p.path().attribute().equals(attribute);
    }

    private static List<Predicate> conjuncts(Predicate where) {
        return where == null ? new ArrayList<>() : new ArrayList<>(Predicate.conjuncts(where));
    }

    // request parts

    private static ObjectNode request(TableMeta table) {
        return NODES.objectNode().put("TableName", table.name());
    }

    private static ObjectNode request(TableMeta table, IndexMeta index) {
        ObjectNode body = request(table);
        if (index != null) {
            body.put("IndexName", index.name());
        }
        return body;
    }

    private static void projection(Statement.Select select, ExpressionWriter writer, ObjectNode body) {
        if (!select.projection().isEmpty()) {
            body.put("ProjectionExpression", writer.projection(select.projection()));
        }
    }

    private static DocumentPath top(String attribute) {
        return new DocumentPath(List.of(attribute));
    }

    private static List<KeyAttribute> optional(KeyAttribute attribute) {
        return attribute == null ? List.of() : List.of(attribute);
    }

    private static List<String> names(List<KeyAttribute> attributes) {
        return attributes.stream().map(KeyAttribute::name).toList();
    }
}

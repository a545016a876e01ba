package dev.dynamotest.core.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes parts of a statement as DynamoDB expressions (condition, key condition, update, projection) for the
 * operations the statement runs as, every name a {@code #n} placeholder and every value a {@code :v} one, so
 * that the engine's own expression evaluators judge them. One writer serves all the expressions of one request.
 */
public final class ExpressionWriter {

    private final ObjectNode names = JsonNodeFactory.instance.objectNode();
    private final ObjectNode values = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> nameRefs = new HashMap<>();

    /** A condition expression. */
    public String condition(Predicate predicate) {
        StringBuilder out = new StringBuilder();
        write(predicate, out);
        return out.toString();
    }

    /** The conjuncts as one condition expression, or null when there are none. */
    public String conjunction(List<Predicate> conjuncts) {
        if (conjuncts.isEmpty()) {
            return null;
        }
        StringJoiner all = new StringJoiner(" AND ");
        for (Predicate conjunct : conjuncts) {
            all.add("(" + condition(conjunct) + ")");
        }
        return all.toString();
    }

    /** A projection expression of the paths. */
    public String projection(List<DocumentPath> paths) {
        StringJoiner all = new StringJoiner(", ");
        paths.forEach(p -> all.add(path(p)));
        return all.toString();
    }

    /** A path, its names as placeholders. */
    public String path(DocumentPath path) {
        StringBuilder out = new StringBuilder(name(path.attribute()));
        for (Object element : path.elements().subList(1, path.elements().size())) {
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(name((String) element));
            }
        }
        return out.toString();
    }

    /** A value placeholder. */
    public String value(JsonNode value) {
        String ref = ":v" + values.size();
        values.set(ref, value);
        return ref;
    }

    /** An operand or update value. */
    public String term(Term term) {
        if (term instanceof Term.Path p) {
            return path(p.path());
        }
        if (term instanceof Term.Value v) {
            return value(v.value());
        }
        if (term instanceof Term.Size s) {
            return "size(" + path(s.path()) + ")";
        }
        if (term instanceof Term.Arithmetic a) {
            return term(a.left()) + (a.plus() ? " + " : " - ") + term(a.right());
        }
        Term.Call c = (Term.Call) term;
        return c.function() + "(" + term(c.first()) + ", " + term(c.second()) + ")";
    }

    /** The ExpressionAttributeNames, or null when none. */
    public ObjectNode names() {
        return names.isEmpty() ? null : names;
    }

    /** The ExpressionAttributeValues, or null when none. */
    public ObjectNode values() {
        return values.isEmpty() ? null : values;
    }

    /** Puts the names and values into the request, when there are any. */
    public void putInto(ObjectNode request) {
        if (!names.isEmpty()) {
            request.set("ExpressionAttributeNames", names);
        }
        if (!values.isEmpty()) {
            request.set("ExpressionAttributeValues", values);
        }
    }

    private String name(String name) {
        return nameRefs.computeIfAbsent(name, n -> {
            String ref = "#n" + nameRefs.size();
            names.put(ref, n);
            return ref;
        });
    }

    private void write(Predicate predicate, StringBuilder out) {
        if (predicate instanceof Predicate.And and) {
            binary(and.left(), " AND ", and.right(), out);
        } else if (predicate instanceof Predicate.Or or) {
            binary(or.left(), " OR ", or.right(), out);
        } else if (predicate instanceof Predicate.Not not) {
            out.append("NOT (");
            write(not.operand(), out);
            out.append(')');
        } else if (predicate instanceof Predicate.Compare c) {
            out.append(term(c.left())).append(' ').append(c.operator()).append(' ').append(term(c.right()));
        } else if (predicate instanceof Predicate.Between b) {
            out.append(term(b.operand())).append(" BETWEEN ").append(term(b.low())).append(" AND ")
                    .append(term(b.high()));
        } else if (predicate instanceof Predicate.In in) {
            StringJoiner list = new StringJoiner(", ", " IN (", ")");
            in.values().forEach(v -> list.add(term(v)));
            out.append(term(in.operand())).append(list);
        } else if (predicate instanceof Predicate.Is is) {
            out.append(is(is));
        } else {
            Predicate.Function f = (Predicate.Function) predicate;
            out.append(f.name()).append('(').append(path(f.path())).append(", ").append(term(f.argument()))
                    .append(')');
        }
    }

    private String is(Predicate.Is is) {
        String path = path(is.path());
        if (is.missing()) {
            return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + path + ")";
        }
        String typed = "attribute_type(" + path + ", " + value(JsonNodeFactory.instance.objectNode()
                .put("S", "NULL")) + ")";
        return is.negated() ? "NOT " + typed : typed;
    }

    private void binary(Predicate left, String operator, Predicate right, StringBuilder out) {
        out.append('(');
        write(left, out);
        out.append(')').append(operator).append('(');
        write(right, out);
        out.append(')');
    }
}

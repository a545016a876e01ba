package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed projection (ProjectionExpression or AttributesToGet): picks document paths out of an item, keeping
 * the nesting DynamoDB returns ({@code a.b} gives {@code {a: {b: ..}}}, {@code a[2]} gives {@code {a: [..]}}).
 */
public final class Projection {

    private final List<Path> paths;
    private final Node root = new Node();

    Projection(List<Path> paths) {
        this.paths = List.copyOf(paths);
        for (Path path : paths) {
            Node node = root;
            for (Object element : path.elements()) {
                node = element instanceof String key
                        ? node.keys.computeIfAbsent(key, k -> new Node())
                        : node.indexes.computeIfAbsent((Integer) element, k -> new Node());
            }
            node.leaf = true;
        }
    }

    /** The projected item; paths the item lacks are left out, so the result may be empty. */
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : root.keys.entrySet()) {
            AttributeValue value = item.get(e.getKey());
            AttributeValue projected = value == null ? null : project(value, e.getValue());
            if (projected != null) {
                result.put(e.getKey(), projected);
            }
        }
        return result;
    }

    /** The top-level attribute names the projection reads. */
    public Set<String> topLevelAttributes() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(root.keys.keySet()));
    }

    List<Path> paths() {
        return paths;
    }

    private static AttributeValue project(AttributeValue value, Node node) {
        if (node.leaf) {
            return value;
        }
        if (!node.keys.isEmpty()) {
            if (!(value instanceof AttributeValue.M m)) {
                return null;
            }
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : node.keys.entrySet()) {
                AttributeValue child = m.value().get(e.getKey());
                AttributeValue projected = child == null ? null : project(child, e.getValue());
                if (projected != null) {
                    out.put(e.getKey(), projected);
                }
            }
            return out.isEmpty() ? null : new AttributeValue.M(out);
        }
        if (!(value instanceof AttributeValue.L l)) {
            return null;
        }
        List<AttributeValue> out = new ArrayList<>();
        for (Map.Entry<Integer, Node> e : node.indexes.entrySet()) {
            if (e.getKey() < l.value().size()) {
                AttributeValue projected = project(l.value().get(e.getKey()), e.getValue());
                if (projected != null) {
                    out.add(projected);
                }
            }
        }
        return out.isEmpty() ? null : new AttributeValue.L(out);
    }

    private static final class Node {
        final Map<String, Node> keys = new LinkedHashMap<>();
        final Map<Integer, Node> indexes = new TreeMap<>();
        boolean leaf;
    }
}

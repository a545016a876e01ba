package dev.dynamotest.core.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of dynamo-core's internal packages, checked on a package dependency graph (package names relative to
 * {@code dev.dynamotest.core.internal}, the root being {@code ""}):
 * <ul>
 * <li>the layers form a stack: a layer uses only the layers listed before it;</li>
 * <li>a family ({@code ops.<name>}) uses any layer, never another family: families meet through the router or a
 * small interface in a layer;</li>
 * <li>the top packages (the HTTP adapter) may use anything, and nothing uses them;</li>
 * <li>every package is a layer, a family or a top package, and no packages depend on each other in a cycle.</li>
 * </ul>
 */
public final class PackageLayers {

    private static final String FAMILY_PREFIX = "ops.";

    private final List<String> layers;
    private final Set<String> top;

    public PackageLayers(List<String> layers, Set<String> top) {
        this.layers = List.copyOf(layers);
        this.top = Set.copyOf(top);
    }

    /** What breaks the rules in the graph (package to the packages it uses), one line each; empty when nothing. */
    public List<String> violations(Map<String, Set<String>> uses) {
        List<String> found = new ArrayList<>();
        Map<String, Set<String>> graph = new TreeMap<>();
        uses.forEach((from, to) -> {
            Set<String> targets = new TreeSet<>(to);
            targets.remove(from);
            graph.put(from, targets);
            targets.forEach(t -> graph.computeIfAbsent(t, k -> new TreeSet<>()));
        });
        for (String p : graph.keySet()) {
            if (!layers.contains(p) && !isFamily(p) && !top.contains(p)) {
                found.add("package '" + p + "' is in no layer, family or top package");
            }
        }
        graph.forEach((from, targets) -> targets.forEach(to -> {
            String broken = rule(from, to);
            if (broken != null) {
                found.add(broken);
            }
        }));
        cycles(graph).forEach(cycle -> found.add("packages in a cycle: " + String.join(", ", cycle)));
        return found;
    }

    private String rule(String from, String to) {
        if (top.contains(to) && !top.contains(from)) {
            return "'" + from + "' uses the top package '" + to + "'";
        }
        if (isFamily(from) && isFamily(to)) {
            return "family '" + from + "' reaches into family '" + to + "'";
        }
        if (layers.contains(from) && isFamily(to)) {
            return "layer '" + from + "' reaches up into family '" + to + "'";
        }
        if (layers.contains(from) && layers.contains(to) && layers.indexOf(to) > layers.indexOf(from)) {
            return "layer '" + from + "' reaches up into layer '" + to + "'";
        }
        return null;
    }

    private static boolean isFamily(String p) {
        return p.startsWith(FAMILY_PREFIX) && p.indexOf('.', FAMILY_PREFIX.length()) < 0;
    }

    /** The strongly connected components of more than one package (Tarjan): each is a cycle or several. */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<List<String>> components = new ArrayList<>();
        for (String p : graph.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String p, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, List<String> stack, Set<String> onStack, List<List<String>> components) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.add(p);
        onStack.add(p);
        for (String q : graph.get(p)) {
            if (!index.containsKey(q)) {
                connect(q, graph, index, low, stack, onStack, components);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            List<String> component = new ArrayList<>();
            String q;
            do {
                q = stack.remove(stack.size() - 1);
                onStack.remove(q);
                component.add(0, q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                components.add(component);
            }
        }
    }
}

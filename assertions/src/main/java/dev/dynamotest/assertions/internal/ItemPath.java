package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A document path such as {@code address.city} or {@code lines[0].sku}, read from an item. */
public final class ItemPath {

    private final String text;
    private final List<Object> steps;

    private ItemPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    public static ItemPath parse(String text) {
        List<Object> steps = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("not a document path: \"" + text + "\"");
            }
            steps.add(name);
            String rest = bracket < 0 ? "" : part.substring(bracket);
            while (!rest.isEmpty()) {
                int close = rest.indexOf(']');
                if (!rest.startsWith("[") || close < 2) {
                    throw new IllegalArgumentException("not a document path: \"" + text + "\"");
                }
                try {
                    steps.add(Integer.parseInt(rest.substring(1, close)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a document path: \"" + text + "\"", e);
                }
                rest = rest.substring(close + 1);
            }
        }
        return new ItemPath(text, steps);
    }

    /** The value at this path, if the item has one there. */
    public Optional<AttributeValue> read(Map<String, AttributeValue> item) {
        AttributeValue current = new AttributeValue.M(item);
        for (Object step : steps) {
            if (step instanceof String name && current instanceof AttributeValue.M m && m.value().containsKey(name)) {
                current = m.value().get(name);
            } else if (step instanceof Integer i && current instanceof AttributeValue.L l && i < l.value().size()) {
                current = l.value().get(i);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    @Override
    public String toString() {
        return text;
    }
}

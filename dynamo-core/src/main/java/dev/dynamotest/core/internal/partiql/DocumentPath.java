package dev.dynamotest.core.internal.partiql;

import java.util.List;

/**
 * An attribute path of a statement: a top-level name, then map keys ({@link String}) and list indexes
 * ({@link Integer}).
 */
public record DocumentPath(List<Object> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
    }

    /** The top-level attribute's name. */
    public String attribute() {
        return (String) elements.get(0);
    }

    /** Whether the path is a top-level attribute alone. */
    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(attribute());
        for (Object element : elements.subList(1, elements.size())) {
            text.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        return text.toString();
    }
}

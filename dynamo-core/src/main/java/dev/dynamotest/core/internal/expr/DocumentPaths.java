package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and removes values at document paths inside an item, copying the nested values it changes. */
final class DocumentPaths {

    /** Orders paths element by element, list indexes by number, so list writes can be applied in order. */
    static final Comparator<Path> ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.element(i);
            Object y = b.element(i);
            int c;
            if (x instanceof Integer xi && y instanceof Integer yi) {
                c = Integer.compare(xi, yi);
            } else if (x instanceof String xs && y instanceof String ys) {
                c = xs.compareTo(ys);
            } else {
                c = x instanceof Integer ? 1 : -1;
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private DocumentPaths() {
    }

    /** Sets the value at the path; a list index past the end appends. Throws when the parent is unusable. */
    static void set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (path.isTopLevel()) {
            item.put(path.top(), value);
            return;
        }
        AttributeValue top = item.get(path.top());
        if (top == null) {
            throw Errors.invalidUpdatePath();
        }
        item.put(path.top(), setIn(top, path, 1, value));
    }

    private static AttributeValue setIn(AttributeValue current, Path path, int i, AttributeValue value) {
        Object element = path.element(i);
        boolean last = i == path.size() - 1;
        if (element instanceof String key) {
            if (!(current instanceof AttributeValue.M m)) {
                throw Errors.invalidUpdatePath();
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.put(key, value);
            } else {
                AttributeValue child = m.value().get(key);
                if (child == null) {
                    throw Errors.invalidUpdatePath();
                }
                copy.put(key, setIn(child, path, i + 1, value));
            }
            return new AttributeValue.M(copy);
        }
        int index = (Integer) element;
        if (!(current instanceof AttributeValue.L l)) {
            throw Errors.invalidUpdatePath();
        }
        List<AttributeValue> copy = new ArrayList<>(l.value());
        if (last) {
            if (index < copy.size()) {
                copy.set(index, value);
            } else {
                copy.add(value);
            }
        } else {
            if (index >= copy.size()) {
                throw Errors.invalidUpdatePath();
            }
            copy.set(index, setIn(copy.get(index), path, i + 1, value));
        }
        return new AttributeValue.L(copy);
    }

    /** Removes the value at the path; a missing leaf is ignored, a missing or unusable parent is an error. */
    static void remove(Map<String, AttributeValue> item, Path path) {
        if (path.isTopLevel()) {
            item.remove(path.top());
            return;
        }
        AttributeValue top = item.get(path.top());
        if (top == null) {
            throw Errors.invalidUpdatePath();
        }
        item.put(path.top(), removeIn(top, path, 1));
    }

    private static AttributeValue removeIn(AttributeValue current, Path path, int i) {
        Object element = path.element(i);
        boolean last = i == path.size() - 1;
        if (element instanceof String key) {
            if (!(current instanceof AttributeValue.M m)) {
                throw Errors.invalidUpdatePath();
            }
            AttributeValue child = m.value().get(key);
            if (child == null) {
                if (last) {
                    return current;
                }
                throw Errors.invalidUpdatePath();
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.remove(key);
            } else {
                copy.put(key, removeIn(child, path, i + 1));
            }
            return new AttributeValue.M(copy);
        }
        int index = (Integer) element;
        if (!(current instanceof AttributeValue.L l)) {
            throw Errors.invalidUpdatePath();
        }
        if (index >= l.value().size()) {
            if (last) {
                return current;
            }
            throw Errors.invalidUpdatePath();
        }
        List<AttributeValue> copy = new ArrayList<>(l.value());
        if (last) {
            copy.remove(index);
        } else {
            copy.set(index, removeIn(copy.get(index), path, i + 1));
        }
        return new AttributeValue.L(copy);
    }
}

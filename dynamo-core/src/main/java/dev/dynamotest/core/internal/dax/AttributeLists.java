package dev.dynamotest.core.internal.dax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of attribute name lists behind {@code defineAttributeListId} and {@code defineAttributeList}: an
 * item's non-key attributes travel as a list id followed by the values in the list's order. Ids are the server's,
 * shared by every connection (the client caches them per node); id 1 is the empty list, which clients never ask for.
 */
final class AttributeLists {

    static final long EMPTY = 1;

    private final Map<List<String>, Long> ids = new HashMap<>();
    private final List<List<String>> lists = new ArrayList<>();

    AttributeLists() {
        lists.add(List.of());
        lists.add(List.of());
        ids.put(List.of(), EMPTY);
    }

    synchronized long idOf(List<String> names) {
        List<String> key = List.copyOf(names);
        Long id = ids.get(key);
        if (id == null) {
            id = (long) lists.size();
            lists.add(key);
            ids.put(key, id);
        }
        return id;
    }

    /** The names of a list id, or throws a validation error for an id this server never gave. */
    synchronized List<String> names(long id) {
        if (id < 1 || id >= lists.size()) {
            throw dev.dynamotest.core.DynamoException.validation("Unknown attribute list id " + id);
        }
        return lists.get((int) id);
    }
}

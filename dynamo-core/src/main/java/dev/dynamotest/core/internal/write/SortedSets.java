package dev.dynamotest.core.internal.write;

import dev.dynamotest.core.internal.CodePoints;
import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the elements of every string, number and binary set of an item, at any depth, in the order DynamoDB Local
 * returns them: strings and binaries by their bytes (unsigned, strings in UTF-8, which is the order of their code
 * points), numbers by value. The write path does it before an item is stored, so that every read returns its sets
 * in that order at no cost; an item whose sets are already in order is returned as it is, without a copy.
 */
final class SortedSets {

    private static final Comparator<String> CODE_POINTS = CodePoints::compare;
    private static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    private SortedSets() {
    }

    /** The item with its sets in order: {@code item} itself when they already are. */
    static Map<String, AttributeValue> of(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = null;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            AttributeValue value = e.getValue();
            AttributeValue sorted = sorted(value);
            if (sorted != value) {
                if (copy == null) {
                    copy = new LinkedHashMap<>(item);
                }
                copy.put(e.getKey(), sorted);
            }
        }
        return copy == null ? item : copy;
    }

    private static AttributeValue sorted(AttributeValue value) {
        if (value instanceof AttributeValue.SS ss) {
            return inOrder(ss.value(), CODE_POINTS) ? ss : new AttributeValue.SS(sortedCopy(ss.value(), CODE_POINTS));
        }
        if (value instanceof AttributeValue.NS ns) {
            return numbersInOrder(ns) ? ns : new AttributeValue.NS(sortedCopy(ns.value(),
                    Comparator.comparing(BigDecimal::new)));
        }
        if (value instanceof AttributeValue.BS bs) {
            return inOrder(bs.value(), UNSIGNED) ? bs : new AttributeValue.BS(sortedCopy(bs.value(), UNSIGNED));
        }
        if (value instanceof AttributeValue.M m) {
            Map<String, AttributeValue> sorted = of(m.value());
            return sorted == m.value() ? m : new AttributeValue.M(sorted);
        }
        if (value instanceof AttributeValue.L l) {
            List<AttributeValue> copy = null;
            for (int i = 0; i < l.value().size(); i++) {
                AttributeValue element = l.value().get(i);
                AttributeValue sorted = sorted(element);
                if (sorted != element) {
                    if (copy == null) {
                        copy = new ArrayList<>(l.value());
                    }
                    copy.set(i, sorted);
                }
            }
            return copy == null ? l : new AttributeValue.L(copy);
        }
        return value;
    }

    private static <T> boolean inOrder(Iterable<T> elements, Comparator<? super T> order) {
        T previous = null;
        for (T element : elements) {
            if (previous != null && order.compare(previous, element) > 0) {
                return false;
            }
            previous = element;
        }
        return true;
    }

    private static boolean numbersInOrder(AttributeValue.NS ns) {
        if (ns.value().size() < 2) {
            return true;
        }
        BigDecimal previous = null;
        for (String n : ns.value()) {
            BigDecimal current = new BigDecimal(n);
            if (previous != null && previous.compareTo(current) > 0) {
                return false;
            }
            previous = current;
        }
        return true;
    }

    private static <T> List<T> sortedCopy(Collection<T> elements, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(elements);
        copy.sort(order);
        return copy;
    }

    private static Set<String> sortedCopy(Set<String> elements, Comparator<String> order) {
        return new LinkedHashSet<>(sortedCopy((Collection<String>) elements, order));
    }
}

package dev.dynamotest.junit.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes items compactly for failure reports: {@code {pk: "A#1", total: 12, tags: <<"a", "b">>}}. */
final class ItemText {

    private ItemText() {
    }

    /** The item with its key attributes first and the others in name order, cut at {@code maxLength}. */
    static String item(Map<String, AttributeValue> item, List<String> keys, int maxLength) {
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        keys.stream().filter(item::containsKey).forEach(k -> ordered.put(k, item.get(k)));
        new TreeMap<>(item).forEach(ordered::putIfAbsent);
        String text = map(ordered);
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 3) + "...";
    }

    private static String map(Map<String, AttributeValue> map) {
        StringBuilder out = new StringBuilder("{");
        for (Iterator<Map.Entry<String, AttributeValue>> it = map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, AttributeValue> entry = it.next();
            out.append(entry.getKey()).append(": ").append(value(entry.getValue()));
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append('}').toString();
    }

    static String value(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return quote(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return n.value();
        } else if (value instanceof AttributeValue.B b) {
            return binary(b.unsafeBytes());
        } else if (value instanceof AttributeValue.BOOL b) {
            return String.valueOf(b.value());
        } else if (value instanceof AttributeValue.NULL) {
            return "null";
        } else if (value instanceof AttributeValue.M m) {
            return map(m.value());
        } else if (value instanceof AttributeValue.L l) {
            return l.value().stream().map(ItemText::value).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof AttributeValue.SS ss) {
            return ss.value().stream().map(ItemText::quote).collect(Collectors.joining(", ", "<<", ">>"));
        } else if (value instanceof AttributeValue.NS ns) {
            return String.join(", ", ns.value()).transform(s -> "<<" + s + ">>");
        } else if (value instanceof AttributeValue.BS bs) {
            return bs.value().stream().map(ItemText::binary).collect(Collectors.joining(", ", "<<", ">>"));
        }
        return String.valueOf(value);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static String binary(byte[] bytes) {
        return "b\"" + Base64.getEncoder().encodeToString(bytes) + '"';
    }
}

package dev.dynamotest.core.internal.ops.query;

import dev.dynamotest.core.internal.expr.SortKeyCondition;
import dev.dynamotest.core.internal.storage.KeyCodec;
import dev.dynamotest.core.internal.storage.KeyRange;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The range of stored sort key bytes a Query's sort key conditions select. With a multi-attribute sort key the
 * stored bytes are the attributes' prefix-free bytes in turn (see {@link KeyCodec#encode(List)}): the equalities
 * fix a prefix, and the last condition is a range within the keys that start with it.
 */
final class SortKeyRanges {

    private SortKeyRanges() {
    }

    /** The range for the conditions (in key schema order) on a sort key of {@code attributes} attributes. */
    static KeyRange of(List<SortKeyCondition> conditions, int attributes) {
        if (conditions.isEmpty()) {
            return KeyRange.ALL;
        }
        return attributes == 1 ? single(conditions.get(0)) : composite(conditions);
    }

    private static KeyRange single(SortKeyCondition sort) {
        byte[] value = KeyCodec.encode(sort.value());
        return switch (sort.operator()) {
            case EQ -> KeyRange.exactly(value);
            case LT -> new KeyRange(null, false, value, false);
            case LE -> new KeyRange(null, false, value, true);
            case GT -> new KeyRange(value, false, null, false);
            case GE -> new KeyRange(value, true, null, false);
            case BETWEEN -> new KeyRange(value, true, KeyCodec.encode(sort.upper()), true);
            case BEGINS_WITH -> KeyRange.prefix(value);
        };
    }

    /**
     * Bounds within the equal prefix {@code p}: a value's keys are those starting with {@code p + v}, so "up to and
     * including v" ends before the first key past them, and "after v" starts there.
     */
    private static KeyRange composite(List<SortKeyCondition> conditions) {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        for (SortKeyCondition equal : conditions.subList(0, conditions.size() - 1)) {
            KeyCodec.component(equal.value(), true, prefix);
        }
        byte[] p = prefix.toByteArray();
        SortKeyCondition last = conditions.get(conditions.size() - 1);
        byte[] lowerOfPrefix = p.length == 0 ? null : p;
        byte[] endOfPrefix = p.length == 0 ? null : KeyRange.prefix(p).upper();
        return switch (last.operator()) {
            case EQ -> KeyRange.prefix(with(p, last, true));
            case LT -> new KeyRange(lowerOfPrefix, true, with(p, last, true), false);
            case LE -> new KeyRange(lowerOfPrefix, true, endOf(with(p, last, true)), false);
            case GT -> new KeyRange(endOf(with(p, last, true)), true, endOfPrefix, false);
            case GE -> new KeyRange(with(p, last, true), true, endOfPrefix, false);
            case BETWEEN -> new KeyRange(with(p, last, true), true,
                    endOf(with(p, new SortKeyCondition(last.name(), last.operator(), last.upper(), null), true)),
                    false);
            case BEGINS_WITH -> KeyRange.prefix(with(p, last, false));
        };
    }

    private static byte[] with(byte[] prefix, SortKeyCondition condition, boolean terminated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        KeyCodec.component(condition.value(), terminated, out);
        return out.toByteArray();
    }

    /** The first bytes past every key that starts with {@code bytes}. */
    private static byte[] endOf(byte[] bytes) {
        return KeyRange.prefix(bytes).upper();
    }
}

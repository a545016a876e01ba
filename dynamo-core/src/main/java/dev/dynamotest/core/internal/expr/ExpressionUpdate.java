package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.internal.Numbers;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The actions of a parsed UpdateExpression, applied as DynamoDB does: SET, then ADD and DELETE, then REMOVE. */
final class ExpressionUpdate extends PathsUpdate {

    /** {@code SET path = value}. */
    record SetAction(Path path, Operand value) {
    }

    /** {@code ADD path :value} or {@code DELETE path :value}. */
    record SetChange(Path path, AttributeValue value) {
    }

    private final List<SetAction> sets;
    private final List<Path> removes;
    private final List<SetChange> adds;
    private final List<SetChange> deletes;

    ExpressionUpdate(List<SetAction> sets, List<Path> removes, List<SetChange> adds, List<SetChange> deletes,
            List<Path> allPaths) {
        super(allPaths);
        List<SetAction> sortedSets = new ArrayList<>(sets);
        sortedSets.sort((a, b) -> DocumentPaths.ORDER.compare(a.path(), b.path()));
        List<Path> sortedRemoves = new ArrayList<>(removes);
        sortedRemoves.sort(DocumentPaths.ORDER.reversed());
        this.sets = List.copyOf(sortedSets);
        this.removes = List.copyOf(sortedRemoves);
        this.adds = List.copyOf(adds);
        this.deletes = List.copyOf(deletes);
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        List<AttributeValue> values = new ArrayList<>(sets.size());
        for (SetAction set : sets) {
            values.add(UpdateValues.require(set.value().evaluate(item)));
        }
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        for (int i = 0; i < sets.size(); i++) {
            DocumentPaths.set(result, sets.get(i).path(), values.get(i));
        }
        for (SetChange add : adds) {
            AttributeValue current = add.path().find(result);
            DocumentPaths.set(result, add.path(), current == null ? add.value() : added(current, add.value()));
        }
        for (SetChange delete : deletes) {
            AttributeValue current = delete.path().find(result);
            if (current == null) {
                continue;
            }
            AttributeValue remaining = SetValues.difference(current, delete.value());
            if (remaining == null) {
                DocumentPaths.remove(result, delete.path());
            } else {
                DocumentPaths.set(result, delete.path(), remaining);
            }
        }
        if (!item.isEmpty()) {
            for (Path remove : removes) {
                DocumentPaths.remove(result, remove);
            }
        }
        return result;
    }

    private static AttributeValue added(AttributeValue current, AttributeValue value) {
        if (current instanceof AttributeValue.N x && value instanceof AttributeValue.N y) {
            return AttributeValue.number(Numbers.format(Numbers.add(x.decimal(), y.decimal())));
        }
        AttributeValue union = SetValues.union(current, value);
        if (union == null) {
            throw Errors.incorrectDataType();
        }
        return union;
    }

    @Override
    public boolean createsItem() {
        return !sets.isEmpty() || !adds.isEmpty();
    }
}

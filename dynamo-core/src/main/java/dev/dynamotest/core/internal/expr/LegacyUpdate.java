package dev.dynamotest.core.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.Numbers;
import dev.dynamotest.core.internal.protocol.AttributeValueJson;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An update from the legacy {@code AttributeUpdates} parameter: per attribute a PUT, ADD or DELETE action. */
public final class LegacyUpdate extends PathsUpdate {

    /** The three legacy actions. */
    enum Action { PUT, ADD, DELETE }

    /** One attribute's action; {@code value} is {@code null} for a DELETE of the whole attribute. */
    record Change(String name, Action action, AttributeValue value) {
    }

    private final List<Change> changes;

    private LegacyUpdate(List<Change> changes) {
        super(changes.stream().map(c -> Path.of(c.name())).toList());
        this.changes = List.copyOf(changes);
    }

    /** Parses and checks an {@code AttributeUpdates} parameter. */
    public static LegacyUpdate parse(JsonNode attributeUpdates) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : attributeUpdates.properties()) {
            String name = e.getKey();
            JsonNode entry = e.getValue();
            String actionText = Json.text(entry, "Action");
            Action action;
            try {
                action = actionText == null ? Action.PUT : Action.valueOf(actionText);
            } catch (IllegalArgumentException ex) {
                throw DynamoException.validation("1 validation error detected: Value '" + actionText
                        + "' at 'attributeUpdates." + name + ".member.action' failed to satisfy constraint: Member"
                        + " must satisfy enum value set: [ADD, PUT, DELETE]");
            }
            JsonNode valueNode = entry.get("Value");
            AttributeValue value = valueNode == null || valueNode.isNull() ? null : AttributeValueJson.decode(valueNode);
            if (value == null && action != Action.DELETE) {
                throw invalid("Only DELETE action is allowed when no attribute value is specified");
            }
            if (action == Action.ADD && !(value instanceof AttributeValue.N || value instanceof AttributeValue.L
                    || Values.isSet(value))) {
                throw invalid("ADD action is not supported for the type " + value.type());
            }
            if (action == Action.DELETE && value != null && !Values.isSet(value)) {
                throw invalid("DELETE action with value is not supported for the type " + value.type());
            }
            changes.add(new Change(name, action, value));
        }
        return new LegacyUpdate(changes);
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> result = new LinkedHashMap<>(item);
        for (Change c : changes) {
            AttributeValue current = result.get(c.name());
            switch (c.action()) {
                case PUT -> result.put(c.name(), c.value());
                case ADD -> result.put(c.name(), current == null ? c.value() : added(current, c.value()));
                default -> {
                    if (c.value() == null) {
                        result.remove(c.name());
                    } else if (current != null) {
                        AttributeValue remaining;
                        try {
                            remaining = SetValues.difference(current, c.value());
                        } catch (DynamoException e) {
                            throw typeMismatch();
                        }
                        if (remaining == null) {
                            result.remove(c.name());
                        } else {
                            result.put(c.name(), remaining);
                        }
                    }
                }
            }
        }
        return result;
    }

    private static AttributeValue added(AttributeValue current, AttributeValue value) {
        if (current instanceof AttributeValue.N x && value instanceof AttributeValue.N y) {
            return AttributeValue.number(Numbers.format(Numbers.add(x.decimal(), y.decimal())));
        }
        if (current instanceof AttributeValue.L x && value instanceof AttributeValue.L y) {
            List<AttributeValue> joined = new ArrayList<>(x.value());
            joined.addAll(y.value());
            return new AttributeValue.L(joined);
        }
        AttributeValue union = SetValues.union(current, value);
        if (union == null) {
            throw typeMismatch();
        }
        return union;
    }

    private static DynamoException typeMismatch() {
        return invalid("Type mismatch for attribute to update");
    }

    private static DynamoException invalid(String detail) {
        return DynamoException.validation("One or more parameter values were invalid: " + detail);
    }

    @Override
    public boolean createsItem() {
        return changes.isEmpty() || changes.stream().anyMatch(c -> c.action() != Action.DELETE);
    }
}

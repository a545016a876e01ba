package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.ItemDiff;
import dev.dynamotest.assertions.internal.ItemPath;
import dev.dynamotest.assertions.internal.ItemSubject;
import dev.dynamotest.assertions.internal.JsonItems;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.assertions.internal.TypeHint;
import dev.dynamotest.assertions.internal.ValueEquality;
import dev.dynamotest.assertions.internal.Values;
import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one item: its attributes, nested paths, or the whole item. Reached with
 * {@link TableAssert#item(Key)}, or {@link DynamoAssertions#assertThatItem(Map)} for an item in hand.
 *
 * <pre>{@code
 * assertThat(table).item(Key.of("pk", "A#1", "sk", 1))
 *     .hasAttribute("status", "SHIPPED")
 *     .hasPath("address.city", "Paris");
 * }</pre>
 */
public class ItemAssert extends AbstractAssert<ItemAssert, Map<String, AttributeValue>> {

    private final ItemSubject subject;

    ItemAssert(ItemSubject subject) {
        super(subject.reported() ? null : subject.snapshot(), ItemAssert.class);
        this.subject = subject;
    }

    /** Verifies that the item has an attribute of that name. */
    public ItemAssert hasAttribute(String name) {
        check(item -> {
            if (!item.containsKey(name)) {
                throw error("Expecting item:\n" + Render.indent(subject.render(item), 2) + "\nto have attribute:\n  "
                        + Render.quote(name));
            }
        });
        return myself;
    }

    /**
     * Verifies an attribute's value: a plain Java value (String, Number compared by value, Boolean, byte[],
     * List, Map, Set) or an SDK or core attribute value.
     */
    public ItemAssert hasAttribute(String name, Object expected) {
        AttributeValue wanted = Values.of(expected);
        check(item -> verify("attribute " + Render.quote(name), item, Optional.ofNullable(item.get(name)), wanted));
        return myself;
    }

    /** Verifies the value at a document path such as {@code address.city} or {@code lines[0].sku}. */
    public ItemAssert hasPath(String path, Object expected) {
        ItemPath parsed = ItemPath.parse(path);
        AttributeValue wanted = Values.of(expected);
        check(item -> verify("path " + Render.quote(path), item, parsed.read(item), wanted));
        return myself;
    }

    /** Verifies that the item has no attribute of that name. */
    public ItemAssert doesNotHaveAttribute(String name) {
        check(item -> {
            if (item.containsKey(name)) {
                throw error("Expecting item not to have attribute " + Render.quote(name) + ", but it has:\n  "
                        + Render.value(item.get(name)));
            }
        });
        return myself;
    }

    /**
     * Verifies the whole item: a JSON object in plain JSON or DynamoDB JSON (compared as values: {@code 1}
     * equals {@code 1.0}, sets are unordered), or a map of plain Java values or attribute values.
     */
    @Override
    public ItemAssert isEqualTo(Object expected) {
        Map<String, AttributeValue> wanted;
        if (expected instanceof CharSequence json) {
            JsonItems parsed = JsonItems.parse(json.toString());
            if (parsed.items().size() != 1) {
                throw new IllegalArgumentException("expected one JSON object, not " + parsed.items().size()
                        + " items");
            }
            wanted = parsed.items().get(0);
        } else if (expected instanceof Map<?, ?> map) {
            wanted = Values.item(map);
        } else {
            throw new IllegalArgumentException("an expected item is a Map or a JSON object, not " + expected);
        }
        check(item -> {
            List<String> differences = ItemDiff.of(wanted, item);
            if (!differences.isEmpty()) {
                throw error("Expecting item:\n" + Render.indent(subject.render(item), 2) + "\nto be:\n"
                        + Render.indent(subject.render(wanted), 2) + "\nbut:\n" + Messages.list(differences));
            }
        });
        return myself;
    }

    @Override
    protected ItemAssert satisfiesForProxy(Consumer<? super Map<String, AttributeValue>>[] requirements) {
        check(item -> {
            for (Consumer<? super Map<String, AttributeValue>> requirement : requirements) {
                requirement.accept(item);
            }
        });
        return myself;
    }

    /** Back to the table this item was reached from. */
    @CheckReturnValue
    public TableAssert returnToTable() {
        if (subject.table() == null) {
            throw new IllegalStateException("this item was not reached from a table; use assertThat(table).item(key)");
        }
        return subject.table();
    }

    private void verify(String what, Map<String, AttributeValue> item, Optional<AttributeValue> found,
            AttributeValue wanted) {
        if (found.isEmpty()) {
            throw error("Expecting item:\n" + Render.indent(subject.render(item), 2) + "\nto have " + what
                    + " equal to:\n  " + Render.value(wanted) + "\nbut it has no " + what);
        }
        if (!ValueEquality.equal(wanted, found.get())) {
            throw error("Expecting " + what + ":\n  " + Render.value(found.get()) + "\nto be:\n  "
                    + Render.value(wanted) + TypeHint.of(wanted, found.get()).map(hint -> "\n" + hint).orElse(""));
        }
    }

    private void check(Consumer<Map<String, AttributeValue>> check) {
        if (!subject.reported()) {
            subject.context().check(() -> check.accept(subject.read(where())));
        }
    }

    private String where() {
        String described = descriptionText();
        return described == null || described.isEmpty() ? subject.location() : described;
    }

    private AssertionError error(String message) {
        return Messages.failure(where(), message);
    }
}

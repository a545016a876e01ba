package dev.dynamotest.assertions;

import dev.dynamotest.assertions.internal.AssertContext;
import dev.dynamotest.assertions.internal.ItemSetComparison;
import dev.dynamotest.assertions.internal.ItemSubject;
import dev.dynamotest.assertions.internal.ItemsSubject;
import dev.dynamotest.assertions.internal.JsonItems;
import dev.dynamotest.assertions.internal.Messages;
import dev.dynamotest.assertions.internal.NearestKeys;
import dev.dynamotest.assertions.internal.Render;
import dev.dynamotest.assertions.internal.Values;
import dev.dynamotest.core.model.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the items a table or one of its secondary indexes holds; {@link TableAssert} and
 * {@link IndexAssert} build on it. Each check reads the current contents.
 *
 * @param <SELF> the concrete assertion type
 */
public abstract class AbstractItemsAssert<SELF extends AbstractItemsAssert<SELF>>
        extends AbstractAssert<SELF, ItemsSubject> {

    AbstractItemsAssert(ItemsSubject subject, Class<?> selfType) {
        super(subject, selfType);
    }

    /** The same assertion on another subject or context; soft-assertion proxies need it made through them. */
    protected abstract SELF copy(ItemsSubject subject);

    /**
     * The same assertions, each polled until it passes or the default timeout (5 seconds, or the system
     * property {@code dynamotest.eventually.timeout}) passes: for code that writes asynchronously.
     */
    @CheckReturnValue
    public SELF eventually() {
        return eventually(AssertContext.defaultTimeout());
    }

    /** The same assertions, each polled until it passes or the timeout passes. */
    @CheckReturnValue
    public SELF eventually(Duration timeout) {
        return copy(actual.with(actual.context().eventually(timeout)));
    }

    /** Verifies that the table (or index) holds no items. */
    public SELF isEmpty() {
        check(() -> {
            List<Map<String, AttributeValue>> items = actual.items();
            if (!items.isEmpty()) {
                throw error("Expecting " + actual.noun() + " to be empty, but it holds "
                        + Messages.count(items.size(), "item") + ":\n" + Messages.list(render(items)));
            }
        });
        return myself;
    }

    /** Verifies the number of items. */
    public SELF hasItemCount(long expected) {
        check(() -> {
            long count = actual.itemCount();
            if (count != expected) {
                String items = count == 0 ? "" : "\nItems:\n" + Messages.list(render(actual.items()));
                throw error("Expecting item count:\n  " + count + "\nto be:\n  " + expected + items);
            }
        });
        return myself;
    }

    /** Verifies that there is an item with the given key (for an index: an entry for the base item of that key). */
    public SELF containsItem(Key key) {
        check(() -> {
            if (actual.find(key.attributes()).isEmpty()) {
                throw actual.missing(where(), key.attributes());
            }
        });
        return myself;
    }

    /** Verifies that there is no item with the given key. */
    public SELF doesNotContainItem(Key key) {
        check(() -> {
            Optional<Map<String, AttributeValue>> item = actual.find(key.attributes());
            if (item.isPresent()) {
                throw error("Expecting " + actual.noun() + " not to contain an item with key:\n  " + key
                        + "\nbut it holds:\n" + Render.indent(actual.render(item.get()), 2));
            }
        });
        return myself;
    }

    /**
     * Verifies that the table holds exactly these items, in any order. Each item is a map of plain Java values
     * or attribute values, or a JSON object in plain JSON or DynamoDB JSON.
     */
    public SELF containsExactlyItems(Object... items) {
        List<Map<String, AttributeValue>> expected = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                expected.add(Values.item(map));
            } else if (item instanceof CharSequence json) {
                JsonItems parsed = JsonItems.parse(json.toString());
                expected.addAll(parsed.items());
            } else {
                throw new IllegalArgumentException("an expected item is a Map or a JSON object, not " + item);
            }
        }
        return holdsExactly(expected);
    }

    /** Verifies that the table holds exactly the items of a JSON array, in plain JSON or DynamoDB JSON. */
    public SELF matchesJson(String json) {
        JsonItems parsed = JsonItems.parse(json);
        return holdsExactly(parsed.items());
    }

    /** Verifies that the table holds exactly the items of a JSON file, in plain JSON or DynamoDB JSON. */
    public SELF matchesJson(Path file) {
        try {
            return matchesJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private SELF holdsExactly(List<Map<String, AttributeValue>> expected) {
        check(() -> {
            ItemSetComparison comparison = ItemSetComparison.of(expected, actual.items(), actual.keyNames());
            if (!comparison.matches()) {
                throw error("Expecting " + actual.noun() + " to hold exactly (in any order):\n"
                        + Messages.list(render(expected)) + "\nbut " + comparison.describe());
            }
        });
        return myself;
    }

    /** Verifies that every item satisfies the requirements, given as assertions on an {@link ItemAssert}. */
    public SELF allItemsSatisfy(Consumer<ItemAssert> requirements) {
        check(() -> {
            List<Map<String, AttributeValue>> items = actual.items();
            List<String> failures = new ArrayList<>();
            for (Map<String, AttributeValue> item : items) {
                Map<String, AttributeValue> key = NearestKeys.keyOf(item, actual.keyNames());
                try {
                    requirements.accept(new ItemAssert(ItemSubject.fixed(actual.itemLocation(key), item,
                            actual.keyNames())));
                } catch (AssertionError e) {
                    failures.add(Render.key(key, actual.keyNames()) + ":\n" + Render.indent(e.getMessage(), 2));
                }
            }
            if (!failures.isEmpty()) {
                throw error("Expecting every item to satisfy the requirements, but "
                        + failures.size() + " of " + Messages.count(items.size(), "item") + " did not:\n"
                        + Messages.list(failures));
            }
        });
        return myself;
    }

    protected void check(Runnable check) {
        actual.context().check(check);
    }

    protected String where() {
        String described = descriptionText();
        return described == null || described.isEmpty() ? actual.location() : described;
    }

    protected AssertionError error(String message) {
        return Messages.failure(where(), message);
    }

    private List<String> render(List<Map<String, AttributeValue>> items) {
        return items.stream().map(actual::render).toList();
    }
}

package dev.dynamotest.core.internal.storage;

import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;

/** One row read from a table or index: its stored key, its stored size, and the item (or projected item). */
public record StoredRow(StoredKey key, int size, Map<String, AttributeValue> item) {
}

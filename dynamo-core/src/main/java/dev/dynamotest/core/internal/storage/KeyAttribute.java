package dev.dynamotest.core.internal.storage;

/** One key attribute of a table or index: its name and scalar type ({@code S}, {@code N} or {@code B}). */
public record KeyAttribute(String name, String type) {
}

package dev.dynamotest.core.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the API-level constraint violations of a request and reports them as DynamoDB does:
 * {@code 2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: ...; ...}.
 */
public final class Constraints {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private final List<String> violations = new ArrayList<>();

    /** Records a violation of the member at {@code path} with the given (raw) value. */
    public Constraints violation(Object value, String path, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
        return this;
    }

    /** Requires a member to be present. */
    public Constraints notNull(Object value, String path) {
        if (value == null) {
            violation(null, path, "Member must not be null");
        }
        return this;
    }

    /** Checks a table or index name: required, 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
    public Constraints tableName(String name, String path) {
        return name(name, path, 255);
    }

    /** Checks a name of 3 to {@code max} characters of {@code [a-zA-Z0-9_.-]}. */
    public Constraints name(String name, String path, int max) {
        if (name == null) {
            return notNull(null, path);
        }
        if (name.length() < 3) {
            violation(name, path, "Member must have length greater than or equal to 3");
        }
        if (name.length() > max) {
            violation(name, path, "Member must have length less than or equal to " + max);
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            violation(name, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return this;
    }

    /** Checks the length of a string in code points, when present. */
    public Constraints length(String value, String path, int min, int max) {
        if (value == null) {
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            violation(value, path, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            violation(value, path, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** Checks the number of members of a list, when present. */
    public Constraints size(JsonNode list, String path, int min, int max) {
        if (list == null) {
            return this;
        }
        if (list.size() < min) {
            violation(list, path, "Member must have length greater than or equal to " + min);
        }
        if (list.size() > max) {
            violation(list, path, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** Checks that a value is one of the allowed enum values. */
    public Constraints oneOf(String value, String path, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            violation(value, path, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /** Checks a numeric range. */
    public Constraints range(Long value, String path, long min, long max) {
        if (value != null && value < min) {
            violation(value, path, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            violation(value, path, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    /** Throws the ValidationException if anything was recorded. */
    public void check() {
        if (violations.isEmpty()) {
            return;
        }
        int n = violations.size();
        throw DynamoException.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations));
    }
}

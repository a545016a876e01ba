package dev.dynamotest.core.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds a {@link Projection} from the legacy {@code AttributesToGet} parameter: top-level names only. */
public final class AttributesToGet {

    private AttributesToGet() {
    }

    /** Parses the list of names, rejecting an empty list, an empty name and duplicates. */
    public static Projection parse(JsonNode attributesToGet) {
        if (!attributesToGet.isArray()) {
            throw Json.unexpected(attributesToGet, "list");
        }
        if (attributesToGet.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value '[]' at 'attributesToGet' failed"
                    + " to satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<Path> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : attributesToGet) {
            String name = Json.element(node);
            if (name.isEmpty()) {
                throw DynamoException.validation(
                        "One or more parameter values are not valid. Attribute name cannot be empty");
            }
            if (!seen.add(name)) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Duplicate value in attribute name: " + name);
            }
            paths.add(Path.of(name));
        }
        return new Projection(paths);
    }
}

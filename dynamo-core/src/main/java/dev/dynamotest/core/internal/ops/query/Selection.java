package dev.dynamotest.core.internal.ops.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.expr.Projection;
import dev.dynamotest.core.internal.protocol.Json;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Query or Scan returns of each item: its Select (ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES,
 * SPECIFIC_ATTRIBUTES, COUNT) and projection, with DynamoDB's rules on combining them and on what an index can
 * give; and whether a local secondary index must fetch the items from the table ({@code fetch}).
 */
record Selection(String select, Projection projection, boolean fetch) {

    static final String[] SELECT_VALUES =
            {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"};

    /**
     * Checks the request's Select against its ProjectionExpression or AttributesToGet; {@code prefix} is put
     * before the messages (Query reports these rules as constraint violations, Scan does not).
     */
    static void checkRequest(JsonNode request, String prefix) {
        String select = Json.text(request, "Select");
        String parameter = request.hasNonNull("ProjectionExpression") ? "ProjectionExpression"
                : request.hasNonNull("AttributesToGet") ? "AttributesToGet" : null;
        if (select == null) {
            return;
        }
        if (parameter != null && !"SPECIFIC_ATTRIBUTES".equals(select)) {
            throw DynamoException.validation(prefix + "Cannot specify the " + parameter + " when choosing to get "
                    + ("COUNT".equals(select) ? "only the Count" : select));
        }
        if (parameter == null && "SPECIFIC_ATTRIBUTES".equals(select)) {
            throw DynamoException.validation(prefix + "Must specify the AttributesToGet or ProjectionExpression"
                    + " when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && !request.hasNonNull("IndexName")) {
            throw DynamoException.validation(prefix + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying"
                    + " using an IndexName");
        }
    }

    /** The selection of a request already checked by {@link #checkRequest}, for its target. */
    static Selection of(JsonNode request, ReadTarget target, Projection projection, Set<String> filterAttributes) {
        String select = Json.text(request, "Select");
        if (select == null) {
            select = projection != null ? "SPECIFIC_ATTRIBUTES"
                    : target.isIndex() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        }
        Set<String> missing = new TreeSet<>();
        if (projection != null) {
            projection.topLevelAttributes().stream().filter(a -> !target.holds(a)).forEach(missing::add);
        }
        boolean wantsAll = "ALL_ATTRIBUTES".equals(select) && !target.holdsAll();
        if (target.isGlobalIndex()) {
            String name = target.index().name();
            if (wantsAll) {
                throw DynamoException.validation("One or more parameter values were invalid: Select type"
                        + " ALL_ATTRIBUTES is not supported for global secondary index " + name
                        + " because its projection type is not ALL");
            }
            if (!missing.isEmpty()) {
                throw DynamoException.validation("One or more parameter values were invalid: Global secondary index "
                        + name + " does not project " + missing);
            }
            return new Selection(select, projection, false);
        }
        boolean filterMissing = filterAttributes.stream().anyMatch(a -> !target.holds(a));
        boolean fetch = target.isIndex() && (wantsAll || !missing.isEmpty() || filterMissing);
        return new Selection(select, projection, fetch);
    }

    /** Whether each row read must be completed with the table's item (a local index missing attributes). */
    boolean fetchesFromTable() {
        return fetch;
    }

    /** Whether the response carries items (not for COUNT). */
    boolean returnsItems() {
        return !"COUNT".equals(select);
    }

    /** Whether {@link #output} is always the row read as it is: no projection, nothing fetched from the table. */
    boolean returnsRows() {
        return projection == null && !fetch;
    }

    /** The attributes returned of an item: the row read, or (after a fetch) the table's item. */
    Map<String, AttributeValue> output(Map<String, AttributeValue> row, Map<String, AttributeValue> fetched) {
        if (projection != null) {
            return projection.apply(fetched != null ? fetched : row);
        }
        return "ALL_ATTRIBUTES".equals(select) && fetched != null ? fetched : row;
    }
}

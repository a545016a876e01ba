package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.model.AttributeValue;
import java.util.Map;
import java.util.Set;

/**
 * A parsed update (UpdateExpression or AttributeUpdates), applied to an item image as many times as needed.
 *
 * <pre>{@code
 * Update u = UpdateExpression.parse("SET n = n + :one REMOVE tmp", ctx);
 * u.checkKeyNotUpdated(Set.of("pk", "sk"));
 * Map<String, AttributeValue> newImage = u.apply(oldImage);
 * }</pre>
 */
public interface Update {

    /** The new image: the item with the update applied. The input is not modified; empty means no item. */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /**
     * Whether applying the update to a missing item creates it: false when the update only removes attributes
     * or set elements, as DynamoDB then leaves a missing item missing.
     */
    boolean createsItem();

    /** The top-level attributes the update writes or removes. */
    Set<String> topLevelAttributes();

    /**
     * The updated attributes of an image, as ReturnValues UPDATED_OLD / UPDATED_NEW return them: the updated
     * document paths projected out of the image.
     */
    Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> image);

    /** Throws DynamoDB's error when the update touches a key attribute. */
    default void checkKeyNotUpdated(Set<String> keyAttributes) {
        for (String name : topLevelAttributes()) {
            if (keyAttributes.contains(name)) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Cannot update attribute " + name
                                + ". This attribute is part of the key");
            }
        }
    }
}

package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An update that knows the document paths it writes or removes: what both kinds of update answer alike about the
 * attributes they touch.
 */
abstract class PathsUpdate implements Update {

    private final Projection touched;

    PathsUpdate(List<Path> touchedPaths) {
        this.touched = new Projection(touchedPaths);
    }

    @Override
    public Set<String> topLevelAttributes() {
        return touched.topLevelAttributes();
    }

    @Override
    public Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> image) {
        return touched.apply(image);
    }
}

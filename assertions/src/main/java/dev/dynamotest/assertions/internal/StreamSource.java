package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.streams.StreamRecords;
import dev.dynamotest.core.model.ChangeRecord;
import dev.dynamotest.core.model.StreamRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's stream as a source of changes: each record read as the change it reports, numbered by its
 * position, so the change assertions' matching and messages serve stream assertions too.
 */
public final class StreamSource implements ChangeSource {

    private final StreamRecords stream;

    public StreamSource(StreamRecords stream) {
        this.stream = stream;
    }

    @Override
    public List<ChangeRecord> records() {
        List<StreamRecord> records = stream.records();
        List<ChangeRecord> changes = new ArrayList<>(records.size());
        for (StreamRecord r : records) {
            changes.add(new ChangeRecord(changes.size() + 1L, r.region(), r.tableName(), r.eventName(), r.keys(),
                    r.oldImage(), r.newImage(), r.approximateCreation(), r.origin()));
        }
        return changes;
    }

    @Override
    public String location(String table) {
        return stream.toString();
    }

    @Override
    public String noun() {
        return "records";
    }
}

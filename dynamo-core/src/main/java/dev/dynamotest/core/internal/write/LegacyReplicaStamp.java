package dev.dynamotest.core.internal.write;

import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes that global tables of version 2017.11.29 write into every item: {@code aws:rep:updatetime}
 * (epoch seconds, to the microsecond), {@code aws:rep:updateregion} and {@code aws:rep:deleting}. Replicated
 * writes keep the values of the region that made them.
 */
public final class LegacyReplicaStamp {

    /** The version of global tables that stamps items. */
    public static final String VERSION = "2017.11.29";
    static final String UPDATE_TIME = "aws:rep:updatetime";
    static final String UPDATE_REGION = "aws:rep:updateregion";
    public static final String DELETING = "aws:rep:deleting";
    private static final String REPLICATED = "replication";

    private LegacyReplicaStamp() {
    }

    /** The new image with the attributes when the table is a legacy replica and the write is not replicated. */
    public static Map<String, AttributeValue> stamp(TableMeta table, String origin, Map<String, AttributeValue> next,
            Instant now) {
        if (next == null || REPLICATED.equals(origin)
                || !VERSION.equals(table.globalTableVersion())) {
            return next;
        }
        Map<String, AttributeValue> stamped = new LinkedHashMap<>(next);
        BigDecimal seconds = BigDecimal.valueOf(now.getEpochSecond())
                .add(BigDecimal.valueOf(now.getNano() / 1000, 6));
        stamped.put(UPDATE_TIME, new AttributeValue.N(seconds.toPlainString()));
        stamped.put(UPDATE_REGION, new AttributeValue.S(table.region()));
        stamped.put(DELETING, new AttributeValue.BOOL(false));
        return stamped;
    }
}

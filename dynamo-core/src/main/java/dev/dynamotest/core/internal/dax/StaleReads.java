package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.DaxStaleRead;
import java.util.ArrayDeque;
import java.util.List;

/** The last {@value #KEPT} stale reads of a DAX node's two caches, oldest first. */
final class StaleReads {

    static final int KEPT = 1000;

    private final ArrayDeque<DaxStaleRead> reads = new ArrayDeque<>();

    synchronized void add(DaxStaleRead read) {
        if (reads.size() == KEPT) {
            reads.removeFirst();
        }
        reads.addLast(read);
    }

    synchronized List<DaxStaleRead> list() {
        return List.copyOf(reads);
    }
}

package dev.dynamotest.faults;

import dev.dynamotest.core.DaxServer;

/**
 * A DAX node's outage, from {@link EngineFaults#daxOutage(DaxServer)} until {@link #end()}: the node's open
 * connections are closed and new ones refused, so the DAX client fails with its connection errors; the engine behind
 * it keeps serving its other doors. Closing it ends it, so a try-with-resources block bounds an outage.
 */
public final class DaxOutage implements AutoCloseable {

    private final DaxServer node;
    private boolean ended;

    DaxOutage(DaxServer node) {
        this.node = node;
        node.down();
    }

    /** The DAX node that is down. */
    public DaxServer node() {
        return node;
    }

    /**
     * Brings the node back on the same port, with empty caches as a restarted node has; the DAX client reconnects on
     * its own. Ending an ended outage does nothing.
     */
    public synchronized void end() {
        if (!ended) {
            ended = true;
            node.up();
        }
    }

    /** Ends the outage, as {@link #end()} does. */
    @Override
    public void close() {
        end();
    }
}

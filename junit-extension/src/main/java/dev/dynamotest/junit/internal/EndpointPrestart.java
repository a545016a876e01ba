package dev.dynamotest.junit.internal;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a spare endpoint when the JUnit launcher opens its session, before test discovery, so that the endpoint's
 * cold start overlaps JUnit's own; closes it at the end of the session if no test class took it. Registered as a
 * service, so it runs wherever this extension is on the test class path; {@code -Ddynamotest.prestart=false} turns
 * it off.
 */
public final class EndpointPrestart implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (SpareEndpoint.wanted()) {
            SpareEndpoint.prestart();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SpareEndpoint.discard();
    }
}

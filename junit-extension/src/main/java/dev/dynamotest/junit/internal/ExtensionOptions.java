package dev.dynamotest.junit.internal;

import dev.dynamotest.core.Clock;
import dev.dynamotest.core.ObjectStore;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Isolation;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a {@code DynamoExtension.Builder} was told; {@code null} where it was told nothing. */
public final class ExtensionOptions {

    /** The system property and environment variable that point every test class at a running endpoint. */
    public static final String ENDPOINT_PROPERTY = "dynamotest.endpoint";

    public String region;
    public Clock clock;
    public Path databasePath;
    public Integer port;
    public String host;
    public Isolation isolation;
    public final List<String> tableFiles = new ArrayList<>();
    public ObjectStore objectStore;

    public ExtensionOptions copy() {
        ExtensionOptions copy = new ExtensionOptions();
        copy.region = region;
        copy.clock = clock;
        copy.databasePath = databasePath;
        copy.port = port;
        copy.host = host;
        copy.isolation = isolation;
        copy.tableFiles.addAll(tableFiles);
        copy.objectStore = objectStore;
        return copy;
    }

    /** Settles the configuration: these options first, then the annotation (may be null), then defaults. */
    public Settings resolve(DynamoTest annotation) {
        return new Settings(
                region != null ? region : annotation != null ? annotation.region() : "us-east-1",
                clock != null ? clock : Clock.system(),
                databasePath,
                host != null ? host : "127.0.0.1",
                port != null ? port : 0,
                isolation != null ? isolation : annotation != null ? annotation.isolation() : Isolation.PER_METHOD,
                endpointFromEnvironment(),
                tableFiles,
                objectStore);
    }

    private static URI endpointFromEnvironment() {
        String value = System.getProperty(ENDPOINT_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENDPOINT_PROPERTY);
        }
        if (value == null || value.isBlank()) {
            value = System.getenv("DYNAMOTEST_ENDPOINT");
        }
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }
}

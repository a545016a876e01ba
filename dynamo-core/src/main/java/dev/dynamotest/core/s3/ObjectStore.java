package dev.dynamotest.core.s3;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where "S3" is for the engine: the buckets that ExportTableToPointInTime writes to and ImportTable reads from.
 * The default is a {@link DirectoryObjectStore} (each bucket a folder under a root); {@link S3ObjectStore} talks
 * to any S3-compatible endpoint. Set it with {@link dev.dynamotest.core.EngineConfig.Builder#objectStore(ObjectStore)}.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.builder().objectStore(ObjectStore.directory(Path.of("build/s3"))).build();
 * }</pre>
 *
 * A store that cannot read or write (the bucket refuses access, the disk is full) throws
 * {@link java.io.UncheckedIOException}: exports and imports then fail with DynamoDB's S3 failure code. Any other
 * exception counts as a bug, reported as an internal error.
 */
public interface ObjectStore {

    /** A store that keeps each bucket as a folder under {@code root}, creating buckets as they are written to. */
    static ObjectStore directory(Path root) {
        return new DirectoryObjectStore(root);
    }

    /** Whether the bucket exists. */
    boolean bucketExists(String bucket);

    /** Creates the bucket if it does not exist. */
    void createBucket(String bucket);

    /** Writes an object, replacing one with the same key; the bucket must exist or be creatable by the store. */
    void put(String bucket, String key, byte[] content);

    /** The object's content, or empty when the bucket or the key does not exist. */
    Optional<byte[]> get(String bucket, String key);

    /** The keys of the bucket that start with {@code prefix} (all of them for an empty prefix), in key order. */
    List<String> keys(String bucket, String prefix);
}

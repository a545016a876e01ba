package dev.dynamotest.core.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} over any S3-compatible endpoint (real S3, or an S3 emulator you run) through the AWS SDK's
 * {@link S3Client}. It needs {@code software.amazon.awssdk:s3} on the class path, which dynamo-core does not bring
 * in by itself. The client stays yours: the store does not close it.
 *
 * <pre>{@code
 * S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:9090"))
 *         .forcePathStyle(true).region(Region.US_EAST_1).build();
 * EngineConfig config = EngineConfig.builder().objectStore(S3ObjectStore.of(s3)).build();
 * }</pre>
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client client;

    private S3ObjectStore(S3Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A store that reads and writes through this client. */
    public static S3ObjectStore of(S3Client client) {
        return new S3ObjectStore(client);
    }

    @Override
    public boolean bucketExists(String bucket) {
        try {
            client.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("cannot look up bucket " + bucket, e);
        }
    }

    @Override
    public void createBucket(String bucket) {
        if (!bucketExists(bucket)) {
            try {
                client.createBucket(b -> b.bucket(bucket));
            } catch (SdkException e) {
                throw failure("cannot create bucket " + bucket, e);
            }
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content) {
        try {
            client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("cannot write " + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("cannot read " + bucket + "/" + key, e);
        }
    }

    @Override
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
                if (prefix != null && !prefix.isEmpty()) {
                    request.prefix(prefix);
                }
                if (token != null) {
                    request.continuationToken(token);
                }
                ListObjectsV2Response page = client.listObjectsV2(request.build());
                page.contents().stream().map(S3Object::key).forEach(keys::add);
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (NoSuchBucketException e) {
            return List.of();
        } catch (SdkException e) {
            throw failure("cannot list " + bucket, e);
        }
        keys.sort(null);
        return keys;
    }

    /** The store failing, as {@link ObjectStore} reports it. */
    private static UncheckedIOException failure(String what, SdkException e) {
        return new UncheckedIOException(new IOException(what + ": " + e.getMessage(), e));
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + client.serviceClientConfiguration().endpointOverride().map(Object::toString)
                .orElse("AWS") + "]";
    }
}

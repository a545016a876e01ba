package dev.dynamotest.core.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} in a local folder: each bucket is a folder under the root, each object a file whose path
 * below the bucket folder is its key (a key's {@code /} separate folders). A bucket is created when it is first
 * written to, so tests need not create buckets; reading a bucket that was never written fails as S3 would.
 */
public final class DirectoryObjectStore implements ObjectStore {

    private final Path root;

    /** A store under {@code root}; the folder is created when the first bucket is. */
    public DirectoryObjectStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** A store under a fresh temporary folder. */
    public static DirectoryObjectStore temporary() {
        try {
            return new DirectoryObjectStore(Files.createTempDirectory("dynamotest-s3-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the object store", e);
        }
    }

    /** The folder that holds the buckets. */
    public Path root() {
        return root;
    }

    /** The folder of a bucket (it may not exist yet). */
    public Path bucketFolder(String bucket) {
        return inside(root, bucket);
    }

    @Override
    public boolean bucketExists(String bucket) {
        return Files.isDirectory(bucketFolder(bucket));
    }

    @Override
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(bucketFolder(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bucket folder " + bucketFolder(bucket), e);
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content) {
        Path file = inside(bucketFolder(bucket), key);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        Path file = inside(bucketFolder(bucket), key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public List<String> keys(String bucket, String prefix) {
        Path folder = bucketFolder(bucket);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".upload-"))
                    .map(f -> folder.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .filter(k -> k.startsWith(prefix == null ? "" : prefix))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        keys.sort(null);
        return keys;
    }

    private static Path inside(Path parent, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an empty bucket name or key");
        }
        Path path = parent.resolve(name).normalize();
        if (!path.startsWith(parent) || path.equals(parent)) {
            throw new UncheckedIOException(new IOException("the name " + name + " leaves the folder " + parent));
        }
        return path;
    }

    @Override
    public String toString() {
        return "DirectoryObjectStore[" + root + "]";
    }
}

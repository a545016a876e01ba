package dev.dynamotest.core.support;

import com.amazon.ion.IonStruct;
import com.amazon.ion.IonSystem;
import com.amazon.ion.IonValue;
import com.amazon.ion.system.IonSystemBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.internal.ops.transfers.ExportReader;
import dev.dynamotest.core.s3.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an export's files for tests: the manifests and the data lines through the engine's {@link ExportReader},
 * then each line parsed as DYNAMODB_JSON or Ion, so a test can check the lines exactly as they were written.
 */
public final class ExportFilesReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IonSystem ION = IonSystemBuilder.standard().build();

    private final ObjectStore store;
    private final String bucket;

    public ExportFilesReader(ObjectStore store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    public JsonNode summary(String manifestKey) {
        return ExportReader.summary(store, bucket, manifestKey);
    }

    /** The files manifest's lines. */
    public List<JsonNode> files(String manifestKey) {
        return ExportReader.files(store, bucket, summary(manifestKey));
    }

    /** Every data line of the export, as text. */
    public List<String> lines(String manifestKey) {
        List<String> lines = new ArrayList<>();
        for (JsonNode file : files(manifestKey)) {
            lines.addAll(ExportReader.dataLines(store, bucket, file.path("dataFileS3Key").asText()));
        }
        return lines;
    }

    /** The data lines of a DYNAMODB_JSON export, parsed. */
    public List<JsonNode> jsonLines(String manifestKey) {
        return lines(manifestKey).stream().map(ExportFilesReader::json).toList();
    }

    /** The data lines of an ION export, each parsed to its one struct. */
    public List<IonStruct> ionLines(String manifestKey) {
        List<IonStruct> values = new ArrayList<>();
        for (String line : lines(manifestKey)) {
            List<IonValue> parsed = new ArrayList<>();
            ION.getLoader().load(line).forEach(parsed::add);
            if (parsed.size() != 1 || !(parsed.get(0) instanceof IonStruct struct)) {
                throw new AssertionError("not one Ion struct: " + line);
            }
            values.add(struct);
        }
        return values;
    }

    public byte[] bytes(String key) {
        return store.get(bucket, key).orElseThrow(() -> new AssertionError("no object " + key + " in " + bucket
                + "; it has " + store.keys(bucket, "")));
    }

    public String text(String key) {
        return new String(bytes(key), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dynamotest.core.internal.ops.transfers;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Undoes the InputCompressionType of ImportTable: GZIP, ZSTD or NONE. */
public final class Compression {

    private Compression() {
    }

    /** The object's content uncompressed; an object that is not of the compression fails with IOException. */
    public static byte[] decompress(String type, byte[] content) throws IOException {
        if (type == null || "NONE".equals(type)) {
            return content;
        }
        try (InputStream in = "GZIP".equals(type) ? new GZIPInputStream(new ByteArrayInputStream(content))
                : new ZstdInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        }
    }
}

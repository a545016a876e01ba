package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One response being written: a status (an empty array on success, the error codes otherwise) followed by the
 * method's result. Callers write the result through {@link #out()}.
 */
final class DaxResponse {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final CBORGenerator out = Cbor.generator(bytes);

    private DaxResponse() {
    }

    static DaxResponse success() {
        DaxResponse response = new DaxResponse();
        try {
            response.out.writeStartArray(null, 0);
            response.out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response;
    }

    /**
     * An error: the codes, DynamoDB's message, then the request id, the error type and the HTTP status DynamoDB
     * would have answered with.
     */
    static byte[] error(int[] codes, String message, String type, int statusCode, String requestId) {
        return error(codes, message, type, statusCode, requestId, null);
    }

    /** Writes the cancellation reasons of a cancelled transaction: three values per reason (code, message, item). */
    interface Reasons {
        void write(CBORGenerator out) throws IOException;
    }

    /** An error with a fourth element of error information: a transaction's cancellation reasons. */
    static byte[] error(int[] codes, String message, String type, int statusCode, String requestId,
            Reasons reasons) {
        DaxResponse response = new DaxResponse();
        try {
            CBORGenerator out = response.out;
            out.writeStartArray(null, codes.length);
            for (int code : codes) {
                out.writeNumber(code);
            }
            out.writeEndArray();
            out.writeString(message == null ? "" : message);
            out.writeStartArray(null, reasons == null ? 3 : 4);
            out.writeString(requestId);
            out.writeString(type);
            out.writeNumber(statusCode);
            if (reasons != null) {
                reasons.write(out);
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.bytes();
    }

    CBORGenerator out() {
        return out;
    }

    byte[] bytes() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

package dev.dynamotest.core.internal.dax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.core.DynamoRequest;
import dev.dynamotest.core.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DAX endpoint at the byte level, as the Go client speaks to it: preamble with layering 0 (unframed answers)
 * and with layering 1 (framed, as the Java client asks), then the connection-level methods.
 */
class DaxWireTest {

    private DynamoEngine engine;
    private DaxEndpoint endpoint;

    @BeforeEach
    void start() {
        engine = DynamoEngine.create(EngineConfig.defaults());
        ObjectNode table = AttributeValues.JSON.objectNode().put("TableName", "Wire")
                .put("BillingMode", "PAY_PER_REQUEST");
        table.putArray("KeySchema").addObject().put("AttributeName", "pk").put("KeyType", "HASH");
        table.putArray("AttributeDefinitions").addObject().put("AttributeName", "pk").put("AttributeType", "S");
        engine.handle(DynamoRequest.setup("us-east-1", "CreateTable", table));
        endpoint = DaxEndpoint.start(engine, "127.0.0.1", 0, Duration.ofMinutes(5), Duration.ofMinutes(5), 1 << 20,
                null);
    }

    @AfterEach
    void stop() {
        endpoint.stop();
        engine.close();
    }

    private static byte[] preamble(int layering) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = Cbor.generator(bytes)) {
            out.writeString("J7yne5G");
            out.writeNumber(layering);
            out.writeString("42");
            out.writeStartObject(null, 1);
            out.writeFieldName("UserAgent");
            out.writeString("test");
            out.writeEndObject();
            out.writeNumber(0);
        }
        return bytes.toByteArray();
    }

    private static byte[] request(int method, Object... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = Cbor.generator(bytes)) {
            out.writeNumber(1);
            out.writeNumber(method);
            for (Object arg : args) {
                if (arg instanceof byte[] b) {
                    out.writeBinary(b);
                } else if (arg instanceof List<?> names) {
                    out.writeStartArray(null, names.size());
                    for (Object name : names) {
                        out.writeString((String) name);
                    }
                    out.writeEndArray();
                } else {
                    out.writeNumber(((Number) arg).longValue());
                }
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void answers_unframed_when_the_client_asks_for_layering_0() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(preamble(0));
            out.write(request(DaxConnection.DEFINE_KEY_SCHEMA, "Wire".getBytes()));
            out.write(request(DaxConnection.DEFINE_ATTRIBUTE_LIST_ID, List.of("a", "b")));
            out.write(request(DaxConnection.ENDPOINTS));
            out.flush();
            CBORParser in = Cbor.parser(socket.getInputStream());

            assertThat(Cbor.read(in)).isEqualTo(List.of());
            assertThat(Cbor.read(in)).isEqualTo(Map.of("pk", "S"));
            assertThat(Cbor.read(in)).isEqualTo(List.of());
            long id = (Long) Cbor.read(in);
            assertThat(Cbor.read(in)).isEqualTo(List.of());
            Map<?, ?> node = (Map<?, ?>) ((List<?>) Cbor.read(in)).get(0);

            assertThat(id).isGreaterThan(1);
            assertThat(node.get("1")).isEqualTo("127.0.0.1");
            assertThat(node.get("2")).isEqualTo(new byte[] {127, 0, 0, 1});
            assertThat(node.get("3")).isEqualTo((long) endpoint.port());
            assertThat(node.get("4")).isEqualTo(1L);
        }
    }

    @Test
    void frames_each_answer_and_reports_a_missing_table_with_daxs_codes() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(preamble(1));
            out.write(request(DaxConnection.DEFINE_KEY_SCHEMA, "Missing".getBytes()));
            out.flush();
            InputStream raw = socket.getInputStream();
            DataInputStream in = new DataInputStream(raw);
            int length = in.readInt();
            int flags = in.readInt();
            byte[] body = new byte[length - 8];
            in.readFully(body);
            List<Object> values = Cbor.readAll(body);

            assertThat(flags >>> 24).isEqualTo(1);
            assertThat(values.get(0)).isEqualTo(List.of(4L, 23L, 24L));
            assertThat((String) values.get(1)).contains("Missing");
            assertThat((List<?>) values.get(2)).element(1).isEqualTo("ResourceNotFoundException");
        }
    }

    @Test
    void answers_a_method_it_does_not_serve_with_not_implemented_then_closes_the_connection() throws IOException {
        int describeTable = -819330193;
        try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(preamble(1));
            out.write(request(describeTable, "Wire".getBytes()));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            in.readInt();
            byte[] body = new byte[length - 8];
            in.readFully(body);
            List<Object> values = Cbor.readAll(body);

            assertThat(values.get(0)).isEqualTo(List.of(4L, 37L, 38L, 44L));
            assertThat((List<?>) values.get(2)).element(1).isEqualTo("NotImplementedException");
            assertThat(in.read()).as("the arguments of an unknown method cannot be skipped: the stream ends")
                    .isEqualTo(-1);
        }
    }
}

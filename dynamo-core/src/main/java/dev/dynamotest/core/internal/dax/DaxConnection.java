package dev.dynamotest.core.internal.dax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import dev.dynamotest.core.ConnectionDrop;
import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.RandomIds;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection: its preamble, then requests (a service id, a method id and the method's arguments, each a
 * CBOR value) answered in order. The Java client announces framing in the preamble (layering 1): each response is
 * then preceded by an 8-byte frame header, the frame's length with the header and an end-of-message flag.
 */
final class DaxConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(DaxConnection.class.getName());
    private static final String MAGIC = "J7yne5G";

    static final int AUTHORIZE_CONNECTION = 1489122155;
    static final int ENDPOINTS = 455855874;
    static final int DEFINE_KEY_SCHEMA = -742646399;
    static final int DEFINE_ATTRIBUTE_LIST_ID = -1230579644;
    static final int DEFINE_ATTRIBUTE_LIST = 670678385;
    static final int GET_ITEM = 263244906;
    static final int PUT_ITEM = -2106490455;
    static final int DELETE_ITEM = 1013539361;
    static final int UPDATE_ITEM = 1425579023;
    static final int QUERY = -931250863;
    static final int SCAN = -1875390620;
    static final int BATCH_GET_ITEM = -697851100;
    static final int BATCH_WRITE_ITEM = 116217951;
    static final int TRANSACT_GET_ITEMS = 1866287579;
    static final int TRANSACT_WRITE_ITEMS = -1160037738;

    private final Socket socket;
    private final DaxService service;
    private final Endpoint self;
    private final ItemMethods items;
    private final ScanMethods scans;
    private final BatchMethods batches;
    private final TransactMethods transactions;
    private final DaxAuth auth;
    private String region;
    private DynamoException refused;
    private boolean framed;
    private OutputStream out;

    /** The address the endpoint advertises for itself in {@code endpoints}. */
    record Endpoint(String host, byte[] address, int port) {
    }

    DaxConnection(Socket socket, DaxService service, Endpoint self, DaxAuth auth) {
        this.socket = socket;
        this.auth = auth;
        this.service = service;
        this.self = self;
        this.items = new ItemMethods(service);
        this.scans = new ScanMethods(service);
        this.batches = new BatchMethods(service);
        this.transactions = new TransactMethods(service);
        this.region = service.engine().config().defaultRegion();
    }

    @Override
    public void run() {
        try (socket; CBORParser in = Cbor.parser(socket.getInputStream())) {
            out = new BufferedOutputStream(socket.getOutputStream());
            preamble(in);
            while (true) {
                Object serviceId;
                try {
                    serviceId = Cbor.read(in);
                } catch (EOFException e) {
                    return;
                }
                if (Cbor.intValue(serviceId) != 1) {
                    throw new DaxProtocolException("unknown service " + serviceId);
                }
                int method = Cbor.intValue(Cbor.read(in));
                byte[] response = call(method, in);
                if (response != null) {
                    write(out, response);
                }
            }
        } catch (ConnectionDrop | EOFException | SocketException e) {
            // the client went away, or a fault rule dropped the connection: closing it is the answer
        } catch (DaxProtocolException | JsonProcessingException e) {
            // what the client sent is not DAX's protocol: its bug, told in a line
            LOG.log(Level.WARNING, "DAX connection closed: " + e.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "DAX connection closed", e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "DAX connection failed", e);
        }
    }

    private void preamble(CBORParser in) throws IOException {
        Object magic = Cbor.read(in);
        if (!MAGIC.equals(magic)) {
            throw new DaxProtocolException("not a DAX client: " + magic);
        }
        framed = Cbor.intValue(Cbor.read(in)) == 1;
        Cbor.read(in); // session id
        Cbor.read(in); // user agent and other client attributes
        Cbor.read(in); // client mode
    }

    private byte[] call(int method, CBORParser in) throws IOException {
        int count = argumentCount(method);
        if (count < 0) {
            write(out, DaxResponse.error(new int[] {4, 37, 38, 44},
                    "The DAX method " + method + " is not supported", "NotImplementedException", 400, requestId()));
            throw new DaxProtocolException("unsupported DAX method " + method);
        }
        List<Object> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(Cbor.read(in));
        }
        try {
            if (refused != null && method != AUTHORIZE_CONNECTION && method != ENDPOINTS) {
                return DaxResponse.error(DaxErrors.unauthorized(), refused.getMessage(), refused.type(), 400,
                        requestId());
            }
            return dispatch(method, args);
        } catch (DynamoException e) {
            int[] codes = method == DEFINE_KEY_SCHEMA && "ResourceNotFoundException".equals(e.type())
                    ? DaxErrors.tableNotFound() : DaxErrors.codes(e.type(), e.statusCode());
            return DaxResponse.error(codes, e.getMessage(), e.type(), e.statusCode(), requestId());
        } catch (ConnectionDrop | DaxProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "DAX request failed", e);
            return DaxResponse.error(DaxErrors.codes("InternalServerError", 500), "Internal server error",
                    "InternalServerError", 500, requestId());
        }
    }

    private static int argumentCount(int method) {
        return switch (method) {
            case AUTHORIZE_CONNECTION -> 5;
            case ENDPOINTS -> 0;
            case DEFINE_KEY_SCHEMA, DEFINE_ATTRIBUTE_LIST_ID, DEFINE_ATTRIBUTE_LIST -> 1;
            case GET_ITEM, DELETE_ITEM, UPDATE_ITEM, QUERY -> 3;
            case PUT_ITEM -> 4;
            case SCAN, BATCH_GET_ITEM, BATCH_WRITE_ITEM -> 2;
            case TRANSACT_GET_ITEMS -> 4;
            case TRANSACT_WRITE_ITEMS -> 9;
            default -> -1;
        };
    }

    private byte[] dispatch(int method, List<Object> args) throws IOException {
        return switch (method) {
            case AUTHORIZE_CONNECTION -> authorize(args);
            case ENDPOINTS -> endpoints();
            case DEFINE_KEY_SCHEMA -> defineKeySchema(Cbor.text(args.get(0)));
            case DEFINE_ATTRIBUTE_LIST_ID -> defineAttributeListId(args.get(0));
            case DEFINE_ATTRIBUTE_LIST -> defineAttributeList(args.get(0));
            case GET_ITEM -> items.getItem(region, args);
            case PUT_ITEM -> items.putItem(region, args);
            case DELETE_ITEM -> items.deleteItem(region, args);
            case UPDATE_ITEM -> items.updateItem(region, args);
            case QUERY -> scans.query(region, args);
            case SCAN -> scans.scan(region, args);
            case BATCH_GET_ITEM -> batches.batchGetItem(region, args);
            case BATCH_WRITE_ITEM -> batches.batchWriteItem(region, args);
            case TRANSACT_GET_ITEMS -> transactions.transactGetItems(region, args);
            case TRANSACT_WRITE_ITEMS -> transactions.transactWriteItems(region, args);
            default -> throw new IllegalStateException("method " + method);
        };
    }

    /**
     * Checks the connection's credentials (see {@link DaxAuth}) and takes the region from the credential scope of
     * the string the client signed. There is no response: a refused connection's next requests get the error,
     * except {@code endpoints} (discovery and health checks), so the client reports the refusal for its request.
     */
    private byte[] authorize(List<Object> args) {
        if (args.get(2) instanceof byte[] stringToSign) {
            refused = auth.check(args.get(0) instanceof String key ? key : null,
                    args.get(1) instanceof String signature ? signature : null, stringToSign);
            String[] lines = new String(stringToSign, StandardCharsets.UTF_8).split("\n");
            if (lines.length >= 3) {
                String[] scope = lines[2].split("/");
                if (scope.length >= 2 && !scope[1].isEmpty()) {
                    region = scope[1];
                }
            }
        }
        return null;
    }

    /** This node alone, as the cluster's leader, at the address the server was reached on. */
    private byte[] endpoints() throws IOException {
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartArray(null, 1);
        out.writeStartObject(null, 7);
        out.writeFieldId(0);
        out.writeNumber(1L);
        out.writeFieldId(1);
        out.writeString(self.host());
        out.writeFieldId(2);
        out.writeBinary(self.address());
        out.writeFieldId(3);
        out.writeNumber(self.port());
        out.writeFieldId(4);
        out.writeNumber(1);
        out.writeFieldId(5);
        out.writeString(region + "a");
        out.writeFieldId(6);
        out.writeNumber(1L);
        out.writeEndObject();
        out.writeEndArray();
        return response.bytes();
    }

    private byte[] defineKeySchema(String table) throws IOException {
        KeySchema schema = service.schema(region, table);
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartObject(null, schema.hasSortKey() ? 2 : 1);
        out.writeFieldName(schema.partitionKey());
        out.writeString(schema.partitionType());
        if (schema.hasSortKey()) {
            out.writeFieldName(schema.sortKey());
            out.writeString(schema.sortType());
        }
        out.writeEndObject();
        return response.bytes();
    }

    /** The names come as an array (Go client) or as a string set (Java client). */
    private byte[] defineAttributeListId(Object names) throws IOException {
        Object members = names instanceof Cbor.Tagged tagged ? tagged.value() : names;
        if (!(members instanceof List<?> list)) {
            throw new DaxProtocolException("defineAttributeListId takes a list of names");
        }
        List<String> attributeNames = new ArrayList<>();
        list.forEach(name -> attributeNames.add(Cbor.text(name)));
        DaxResponse response = DaxResponse.success();
        response.out().writeNumber(service.lists().idOf(attributeNames));
        return response.bytes();
    }

    private byte[] defineAttributeList(Object id) throws IOException {
        List<String> names = service.lists().names(((Number) id).longValue());
        DaxResponse response = DaxResponse.success();
        CBORGenerator out = response.out();
        out.writeStartArray(null, names.size());
        for (String name : names) {
            out.writeString(name);
        }
        out.writeEndArray();
        return response.bytes();
    }

    private void write(OutputStream out, byte[] response) throws IOException {
        if (framed) {
            int length = response.length + 8;
            out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length, 1, 0, 0, 0});
        }
        out.write(response);
        out.flush();
    }

    private static String requestId() {
        return RandomIds.uuid().toString();
    }
}

package dev.dynamotest.core.internal.inprocess;

import dev.dynamotest.core.internal.protocol.WireProtocol;
import java.io.IOException;
import java.net.SocketException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One request and its response, exchanged with the {@link WireProtocol} without a socket: what the HTTP endpoint does
 * with a request's headers and body, and the status, headers and body it would send, as the SDK's HTTP clients hand
 * them over. Like the HTTP server it adds a {@code Date} header (the SDK reads it to correct its clock skew).
 */
final class Exchange {

    /** The response body, with the response; the SDK reads them apart. */
    record Answer(SdkHttpFullResponse response, byte[] body) {
    }

    /** The date format of HTTP's {@code Date} header, as the HTTP server writes it. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final WireProtocol protocol;

    Exchange(WireProtocol protocol) {
        this.protocol = protocol;
    }

    /**
     * Answers a request: a POST goes to the protocol, a GET gets DynamoDB's health line.
     *
     * @throws SocketException when the response is to be a dropped connection, as the HTTP endpoint would drop it
     */
    Answer answer(SdkHttpRequest request, byte[] body) throws IOException {
        WireProtocol.Response response;
        String contentType;
        if (request.method() == SdkHttpMethod.POST) {
            response = protocol.handle(firstValues(request.headers()), body);
            contentType = WireProtocol.CONTENT_TYPE;
        } else if (request.method() == SdkHttpMethod.GET) {
            response = protocol.health(request.firstMatchingHeader("Host").orElse(null),
                    request.firstMatchingHeader("Authorization").orElse(null));
            contentType = "text/plain";
        } else {
            response = new WireProtocol.Response(405, Map.of(), new byte[0]);
            contentType = "text/plain";
        }
        if (response.drop()) {
            throw new SocketException("Connection reset: the endpoint closed the connection without a response");
        }
        Map<String, List<String>> headers = new HashMap<>(8);
        response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Content-Type", List.of(contentType));
        headers.put("Content-Length", List.of(Integer.toString(response.body().length)));
        headers.put("Date", List.of(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))));
        SdkHttpFullResponse full = SdkHttpFullResponse.builder()
                .statusCode(response.status())
                .statusText(statusText(response.status()))
                .headers(headers)
                .build();
        return new Answer(full, response.body());
    }

    /** The first value of each header, as the HTTP endpoint passes them on. */
    private static Map<String, String> firstValues(Map<String, List<String>> headers) {
        Map<String, String> first = new HashMap<>(headers.size() * 2);
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }

    private static String statusText(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }
}

package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.core.support.LocalEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class WireProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        endpoint.createTable("Wire", "pk", null, null);
    }

    private static HttpResponse<String> post(String target, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261125/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=abc");
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String operation, String body) throws IOException, InterruptedException {
        return post("DynamoDB_20120810." + operation, "application/x-amz-json-1.0", body);
    }

    private static String type(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("__type").asText();
    }

    @Test
    void answers_with_the_json_content_type_a_request_id_and_the_crc32_of_the_body() throws Exception {
        HttpResponse<String> response = post("ListTables", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    }

    @Test
    void sends_a_large_answer_uncompressed_with_its_length_when_the_client_accepts_no_encoding() throws Exception {
        fillWithLargeItems("Uncompressed");

        HttpResponse<byte[]> response = HTTP.send(scan("Uncompressed").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(response.body().length));
        assertThat(JSON.readTree(response.body()).path("Count").asInt()).isEqualTo(20);
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(crc32(response.body()));
    }

    @Test
    void compresses_a_large_answer_for_a_client_that_accepts_gzip() throws Exception {
        fillWithLargeItems("Compressed");

        HttpResponse<byte[]> response = HTTP.send(scan("Compressed").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] body = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        assertThat(JSON.readTree(body).path("Count").asInt()).isEqualTo(20);
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(crc32(body));
    }

    @Test
    void sends_a_small_answer_uncompressed_even_to_a_client_that_accepts_gzip() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(response.body().length));
        assertThat(JSON.readTree(response.body()).has("TableNames")).isTrue();
    }

    /** A table of 20 items of about 200 bytes each: its Scan answer is larger than what Javalin compresses. */
    private static void fillWithLargeItems(String table) throws Exception {
        endpoint.createTable(table, "pk", null, null);
        for (int i = 0; i < 20; i++) {
            assertThat(post("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"k" + i
                    + "\"},\"payload\":{\"S\":\"" + "x".repeat(200) + "\"}}}").statusCode()).isEqualTo(200);
        }
    }

    private static HttpRequest.Builder scan(String table) {
        return HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + table + "\"}"))
                .header("X-Amz-Target", "DynamoDB_20120810.Scan")
                .header("Content-Type", "application/x-amz-json-1.0");
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Long.toString(crc.getValue());
    }

    @Test
    void reads_a_body_sent_in_chunks_without_a_length() throws Exception {
        byte[] body = "{\"TableName\":\"Wire\",\"Key\":{\"pk\":{\"S\":\"none\"}}}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .header("Content-Type", "application/x-amz-json-1.0")
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void answers_413_to_a_body_over_16_mb() throws Exception {
        String body = "{\"TableName\":\"Wire\",\"x\":\"" + "a".repeat(16 * 1024 * 1024) + "\"}";

        HttpResponse<String> response = post("ListTables", body);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void rejects_an_unknown_operation_with_unknown_operation_exception() throws Exception {
        HttpResponse<String> response = post("BogusOperation", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }

    @Test
    void rejects_a_request_without_a_target() throws Exception {
        HttpResponse<String> response = post(null, "application/x-amz-json-1.0", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#UnknownOperationException");
    }

    @Test
    void rejects_a_wrong_content_type() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "text/plain", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#UnknownOperationException");
    }

    @Test
    void rejects_malformed_json_with_serialization_exception() throws Exception {
        for (String body : new String[] {"{", "}{", "habababa", "7", "{\"a\":}", "[1]", "{}}", "{".repeat(10000)}) {
            HttpResponse<String> response = post("PutItem", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(type(response)).as(body).isEqualTo("com.amazon.coral.service#SerializationException");
        }
    }

    @Test
    void rejects_a_field_of_the_wrong_shape_with_serialization_exception() throws Exception {
        HttpResponse<String> response = post("PutItem", "{\"TableName\": \"Wire\", \"Item\": [1, 2]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#SerializationException");
    }

    @Test
    void reports_validation_errors_with_the_dynamodb_type_and_message() throws Exception {
        HttpResponse<String> response = post("PutItem", "{\"Item\": {\"pk\": {\"S\": \"a\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("com.amazonaws.dynamodb.v20120810#ValidationException");
        assertThat(body.path("message").asText()).isEqualTo("1 validation error detected: Value null at "
                + "'tableName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void takes_a_timestamp_beyond_the_range_of_instants_as_the_end_of_time() throws Exception {
        for (String bound : new String[] {"1000000000000000000000000000000", "-1e30", "\"1e30\""}) {
            HttpResponse<String> response = post("ListBackups", "{\"TimeRangeLowerBound\": " + bound + "}");

            assertThat(response.statusCode()).as(bound).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("BackupSummaries").isArray()).as(bound).isTrue();
        }
    }

    @Test
    void refuses_null_in_a_list_of_attribute_names_with_serialization_exception() throws Exception {
        for (String request : new String[] {
            "GetItem\u0000{\"TableName\": \"Wire\", \"Key\": {\"pk\": {\"S\": \"a\"}}, \"AttributesToGet\": [null]}",
            "Scan\u0000{\"TableName\": \"Wire\", \"AttributesToGet\": [\"pk\", null]}"}) {
            String[] parts = request.split("\u0000");
            HttpResponse<String> response = post(parts[0], parts[1]);

            assertThat(response.statusCode()).as(parts[0]).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("message").asText()).as(parts[0])
                    .isEqualTo("Unexpected value type in payload: null where string was expected");
            assertThat(type(response)).isEqualTo("com.amazon.coral.service#SerializationException");
        }
    }

    @Test
    void refuses_a_scaling_policy_without_its_metric_type_as_application_auto_scaling_does() throws Exception {
        HttpResponse<String> response = post("AnyScaleFrontendService.PutScalingPolicy",
                "application/x-amz-json-1.1", "{\"PolicyName\": \"reads\", \"ServiceNamespace\": \"dynamodb\", "
                        + "\"ResourceId\": \"table/Wire\", "
                        + "\"ScalableDimension\": \"dynamodb:table:ReadCapacityUnits\", "
                        + "\"PolicyType\": \"TargetTrackingScaling\", \"TargetTrackingScalingPolicyConfiguration\": "
                        + "{\"TargetValue\": 70.0, \"PredefinedMetricSpecification\": {}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(type(response)).endsWith("#ValidationException");
        assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("1 validation error detected: "
                + "Value null at 'targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification"
                + ".predefinedMetricType' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void escapes_quotes_in_error_messages() throws Exception {
        HttpResponse<String> response = post("PutItem",
                "{\"TableName\": \"Wire\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"n\": {\"N\": \"\\\"dog\\\"\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("\"dog\"");
    }

    @Test
    void answers_get_on_the_root_with_a_health_line_naming_the_host_it_was_called_with() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.body()).isEqualTo("healthy: " + endpoint.endpoint().getAuthority());
    }

    @Test
    void answers_get_with_dynamodb_headers_with_the_health_line_too() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint().resolve("/")).GET()
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=abc")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: " + endpoint.endpoint().getAuthority());
    }

    @Test
    void answers_other_paths_with_404() throws Exception {
        for (String path : new String[] {"/abc", "/health", "/index.htm"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint().resolve(path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void answers_a_cors_preflight_with_any_origin_and_the_requested_method_and_headers() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-amz-target, authorization")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("content-type, x-amz-target, authorization");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).isPresent();
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("x-amzn-RequestId", "x-amz-crc32");
    }

    @Test
    void lets_any_origin_read_answers_to_requests_from_a_browser_page() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .header("Origin", "http://example.com")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).isPresent();
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void sends_no_cors_headers_without_an_origin() throws Exception {
        HttpResponse<String> post = post("ListTables", "{}");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> options = HTTP.send(HttpRequest.newBuilder(endpoint.endpoint().resolve("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : java.util.List.of(post, get, options)) {
            assertThat(response.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
        }
    }

    @Test
    void keeps_the_tables_of_each_region_apart() {
        try (DynamoDbClient west = endpoint.client(Region.EU_WEST_1)) {
            assertThat(endpoint.client().listTables().tableNames()).contains("Wire");
            assertThat(west.listTables().tableNames()).doesNotContain("Wire");
        }
    }

    @Test
    void takes_the_region_from_the_sigv4_scope() {
        try (DynamoDbClient west = endpoint.client(Region.EU_WEST_1)) {
            String arn = west.createTable(b -> b.tableName("WestOnly")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(d -> d.attributeName("k").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("k").keyType("HASH"))).tableDescription().tableArn();

            assertThat(arn).startsWith("arn:aws:dynamodb:eu-west-1:");
            assertThat(endpoint.client().listTables().tableNames()).doesNotContain("WestOnly");
        }
    }

    @Test
    void uses_the_default_region_for_unsigned_requests() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(response.body()).path("TableNames").toString()).contains("Wire");
    }
}

package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.core.support.LocalEndpoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Query and Scan on seeded random data, compared with a simple in-memory model: sort order both ways (numbers by
 * value, strings by UTF-8 bytes, binaries by unsigned bytes), every sort key condition, Limit and
 * ExclusiveStartKey paging (all pages together, and where each page ends), filters (Count against ScannedCount)
 * and parallel scan segments. A failure names the seed and the request.
 */
class QueryScanModelTest {

    private static final long SEED = 20_240_525L;
    private static final List<String> PARTITIONS = List.of("alpha", "\u03b2-\u4e2d", "\ud83d\ude00x", "z");
    private static final String[] STRING_PIECES = {"a", "b", "Z", "0", "~", " ", "\u00e9", "\u4e2d", "\uff21",
        "\ud83d\ude00", "\u0000", "ab", "\u007f"};
    private static final byte[] BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff, 0x41};
    private static final Map<ScalarAttributeType, String> TABLES = Map.of(
            ScalarAttributeType.N, "ModelNumbers", ScalarAttributeType.S, "ModelStrings",
            ScalarAttributeType.B, "ModelBinaries");

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private static DynamoDbClient client;
    private static final Map<ScalarAttributeType, List<Map<String, AttributeValue>>> MODEL = new HashMap<>();

    @BeforeAll
    static void start() {
        client = endpoint.client();
        Random random = new Random(SEED);
        for (ScalarAttributeType type : List.of(ScalarAttributeType.N, ScalarAttributeType.S, ScalarAttributeType.B)) {
            endpoint.createTable(TABLES.get(type), "pk", "sk", type);
            Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
            for (int i = 0; i < 100; i++) {
                String pk = PARTITIONS.get(random.nextInt(PARTITIONS.size()));
                AttributeValue sk = randomSortKey(type, random);
                Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s(pk), "sk", sk,
                        "v", n(Integer.toString(random.nextInt(10)))));
                if (random.nextBoolean()) {
                    item.put("tag", s("t" + random.nextInt(3)));
                }
                items.put(pk + "/" + identity(sk), item);
            }
            List<WriteRequest> writes = items.values().stream()
                    .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build())
                    .toList();
            for (int from = 0; from < writes.size(); from += 25) {
                List<WriteRequest> chunk = writes.subList(from, Math.min(writes.size(), from + 25));
                client.batchWriteItem(b -> b.requestItems(Map.of(TABLES.get(type), chunk)));
            }
            MODEL.put(type, List.copyOf(items.values()));
        }
    }

    @Test
    void random_queries_return_what_the_model_returns_page_by_page() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 150; round++) {
            ScalarAttributeType type = List.of(ScalarAttributeType.N, ScalarAttributeType.S, ScalarAttributeType.B)
                    .get(round % 3);
            checkRandomQuery(type, random, round);
        }
    }

    @Test
    void random_scans_return_every_item_once_page_by_page() {
        Random random = new Random(SEED + 2);
        for (int round = 0; round < 15; round++) {
            ScalarAttributeType type = List.of(ScalarAttributeType.N, ScalarAttributeType.S, ScalarAttributeType.B)
                    .get(round % 3);
            Filter filter = Filter.random(random);
            Integer limit = random.nextBoolean() ? null : 3 + random.nextInt(30);
            int total = List.of(1, 1, 2, 3, 4, 7, 16).get(random.nextInt(7));
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            long scanned = 0;
            long counted = 0;
            for (int segment = 0; segment < total; segment++) {
                int seg = segment;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    ScanResponse page = client.scan(r -> filter.apply(r.tableName(TABLES.get(type)).limit(limit)
                            .exclusiveStartKey(from).segment(total == 1 ? null : seg)
                            .totalSegments(total == 1 ? null : total)));
                    String where = "scan round " + round + " (seed " + SEED + ") of " + TABLES.get(type)
                            + ", segment " + seg + " of " + total + ", limit " + limit + ", " + filter;
                    assertThat(page.count()).as(where).isEqualTo(page.items().size());
                    if (limit != null) {
                        assertThat(page.scannedCount()).as(where).isLessThanOrEqualTo(limit);
                        assertThat(page.hasLastEvaluatedKey()).as(where).isEqualTo(page.scannedCount() == limit);
                    }
                    all.addAll(page.items());
                    scanned += page.scannedCount();
                    counted += page.count();
                    start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                } while (start != null);
            }
            List<String> expected = MODEL.get(type).stream().filter(filter::test).map(QueryScanModelTest::canonical)
                    .toList();
            String where = "scan round " + round + " of " + TABLES.get(type) + " in " + total + " segments, "
                    + filter;
            assertThat(all.stream().map(QueryScanModelTest::canonical).toList()).as(where)
                    .hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(scanned).as(where).isEqualTo(MODEL.get(type).size());
            assertThat(counted).as(where).isEqualTo(expected.size());
        }
    }

    private static void checkRandomQuery(ScalarAttributeType type, Random random, int round) {
        String pk = PARTITIONS.get(random.nextInt(PARTITIONS.size()));
        List<Map<String, AttributeValue>> partition = MODEL.get(type).stream()
                .filter(i -> i.get("pk").s().equals(pk)).toList();
        SortCondition condition = SortCondition.random(type, partition, random);
        boolean forward = random.nextBoolean();
        Integer limit = randomLimit(random);
        Filter filter = Filter.random(random);
        boolean count = random.nextInt(8) == 0;
        Comparator<Map<String, AttributeValue>> order = (a, b) -> compare(a.get("sk"), b.get("sk"));
        List<Map<String, AttributeValue>> inRange = partition.stream().filter(i -> condition.test(i.get("sk")))
                .sorted(forward ? order : order.reversed()).toList();
        Map<String, AttributeValue> start = null;
        int skipped = 0;
        if (!inRange.isEmpty() && random.nextInt(5) == 0) {
            skipped = random.nextInt(inRange.size());
            Map<String, AttributeValue> after = inRange.get(skipped);
            start = Map.of("pk", after.get("pk"), "sk", after.get("sk"));
            skipped++;
        }
        List<Map<String, AttributeValue>> remaining = inRange.subList(skipped, inRange.size());
        String where = "query round " + round + " (seed " + SEED + ") of " + TABLES.get(type) + " pk=" + pk + " "
                + condition + (forward ? "" : " backwards") + ", limit " + limit + ", " + filter
                + (count ? ", COUNT" : "") + (start == null ? "" : ", after " + identity(start.get("sk")));

        List<String> returned = new ArrayList<>();
        long scanned = 0;
        long counted = 0;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            Map<String, AttributeValue> values = new HashMap<>(condition.values());
            values.put(":pk", s(pk));
            values.putAll(filter.values());
            QueryRequest.Builder request = QueryRequest.builder().tableName(TABLES.get(type))
                    .keyConditionExpression("pk = :pk" + condition.expression())
                    .scanIndexForward(forward).limit(limit).exclusiveStartKey(from)
                    .filterExpression(filter.expression()).expressionAttributeValues(values);
            if (count) {
                request.select(Select.COUNT);
            }
            QueryResponse page = client.query(request.build());
            pages++;
            scanned += page.scannedCount();
            counted += page.count();
            page.items().forEach(i -> returned.add(identity(i.get("sk"))));
            if (limit != null && page.hasLastEvaluatedKey()) {
                assertThat(page.scannedCount()).as(where).isEqualTo(limit);
                Map<String, AttributeValue> last = remaining.get((int) scanned - 1);
                assertThat(canonical(page.lastEvaluatedKey())).as(where + ": where page " + pages + " ends")
                        .isEqualTo(canonical(Map.of("pk", last.get("pk"), "sk", last.get("sk"))));
            }
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        List<String> expected = remaining.stream().filter(filter::test).map(i -> identity(i.get("sk"))).toList();
        assertThat(scanned).as(where + ": ScannedCount").isEqualTo(remaining.size());
        assertThat(counted).as(where + ": Count").isEqualTo(expected.size());
        if (!count) {
            assertThat(returned).as(where).containsExactlyElementsOf(expected);
        }
        assertThat(pages).as(where + ": pages").isEqualTo(limit == null ? 1 : remaining.size() / limit + 1);
    }

    private static Integer randomLimit(Random random) {
        int pick = random.nextInt(10);
        return pick < 4 ? null : pick == 4 ? Integer.valueOf(1) : Integer.valueOf(2 + random.nextInt(12));
    }

    /** A sort key condition of a Query, with its expression, its values and what it keeps. */
    private record SortCondition(String text, String expression, Map<String, AttributeValue> values,
            Predicate<AttributeValue> keeps) {

        static SortCondition random(ScalarAttributeType type, List<Map<String, AttributeValue>> partition,
                Random random) {
            AttributeValue a = pick(type, partition, random);
            AttributeValue b = pick(type, partition, random);
            switch (random.nextInt(type == ScalarAttributeType.N ? 7 : 8)) {
                case 0:
                    return new SortCondition("(all)", "", Map.of(), v -> true);
                case 1:
                    return of("sk = :a", a, null, v -> compare(v, a) == 0);
                case 2:
                    return of("sk < :a", a, null, v -> compare(v, a) < 0);
                case 3:
                    return of("sk <= :a", a, null, v -> compare(v, a) <= 0);
                case 4:
                    return of("sk > :a", a, null, v -> compare(v, a) > 0);
                case 5:
                    return of(":a <= sk", a, null, v -> compare(v, a) >= 0);
                case 6: {
                    AttributeValue low = compare(a, b) <= 0 ? a : b;
                    AttributeValue high = compare(a, b) <= 0 ? b : a;
                    return of("sk BETWEEN :a AND :b", low, high,
                            v -> compare(v, low) >= 0 && compare(v, high) <= 0);
                }
                default: {
                    byte[] whole = bytes(a);
                    AttributeValue prefix = type == ScalarAttributeType.S
                            ? s(prefixOf(a.s(), random)) : bin(Arrays.copyOf(whole, 1 + random.nextInt(whole.length)));
                    byte[] p = bytes(prefix);
                    return of("begins_with(sk, :a)", prefix, null, v -> {
                        byte[] x = bytes(v);
                        return x.length >= p.length && Arrays.equals(x, 0, p.length, p, 0, p.length);
                    });
                }
            }
        }

        private static SortCondition of(String expression, AttributeValue a, AttributeValue b,
                Predicate<AttributeValue> keeps) {
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":a", a));
            String text = expression.replace(":a", identity(a));
            if (b != null) {
                values.put(":b", b);
                text = text.replace(":b", identity(b));
            }
            return new SortCondition(text, " AND " + expression, values, keeps);
        }

        /** Usually a sort key of the partition (a page boundary), sometimes a fresh value. */
        private static AttributeValue pick(ScalarAttributeType type, List<Map<String, AttributeValue>> partition,
                Random random) {
            if (!partition.isEmpty() && random.nextInt(3) > 0) {
                return partition.get(random.nextInt(partition.size())).get("sk");
            }
            return randomSortKey(type, random);
        }

        private static String prefixOf(String value, Random random) {
            int[] codePoints = value.codePoints().toArray();
            return new String(codePoints, 0, 1 + random.nextInt(codePoints.length));
        }

        boolean test(AttributeValue value) {
            return keeps.test(value);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A filter expression on the non-key attributes (none, a comparison, a function or both). */
    private record Filter(String expression, Map<String, AttributeValue> values,
            Predicate<Map<String, AttributeValue>> keeps) {

        static Filter random(Random random) {
            String x = Integer.toString(random.nextInt(11));
            Predicate<Map<String, AttributeValue>> below = i -> Integer.parseInt(i.get("v").n()) < Integer.parseInt(x);
            Predicate<Map<String, AttributeValue>> tagged = i -> i.containsKey("tag");
            return switch (random.nextInt(4)) {
                case 0 -> new Filter(null, Map.of(), i -> true);
                case 1 -> new Filter("v < :x", Map.of(":x", n(x)), below);
                case 2 -> new Filter("attribute_exists(tag)", Map.of(), tagged);
                default -> new Filter("v < :x AND attribute_exists(tag)", Map.of(":x", n(x)), below.and(tagged));
            };
        }

        ScanRequest.Builder apply(ScanRequest.Builder request) {
            return request.filterExpression(expression).expressionAttributeValues(values.isEmpty() ? null : values);
        }

        boolean test(Map<String, AttributeValue> item) {
            return keeps.test(item);
        }

        @Override
        public String toString() {
            return expression == null ? "no filter" : "filter " + expression + " " + values;
        }
    }

    private static AttributeValue randomSortKey(ScalarAttributeType type, Random random) {
        return switch (type) {
            case N -> n(randomNumber(random).toString());
            case S -> {
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    text.append(STRING_PIECES[random.nextInt(STRING_PIECES.length)]);
                }
                yield s(text.toString());
            }
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(4)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = BYTES[random.nextInt(BYTES.length)];
                }
                yield bin(bytes);
            }
        };
    }

    /** Numbers of every kind DynamoDB stores: negative, fractional, 38 digits, tiny and huge exponents. */
    private static BigDecimal randomNumber(Random random) {
        BigDecimal value = switch (random.nextInt(6)) {
            case 0 -> BigDecimal.valueOf(random.nextInt(21) - 10);
            case 1 -> BigDecimal.valueOf(random.nextInt(2001) - 1000, random.nextInt(4));
            case 2 -> new BigDecimal(new BigInteger(120, random), random.nextInt(40));
            case 3 -> BigDecimal.valueOf(1 + random.nextInt(999), 100 + random.nextInt(28));
            case 4 -> BigDecimal.valueOf(1 + random.nextInt(999), -100 - random.nextInt(20));
            default -> BigDecimal.valueOf(1 + random.nextInt(9), random.nextInt(6));
        };
        return random.nextBoolean() ? value.negate() : value;
    }

    /** DynamoDB's order: numbers by value, strings by their UTF-8 bytes, binaries by unsigned bytes. */
    private static int compare(AttributeValue a, AttributeValue b) {
        if (a.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        return Arrays.compareUnsigned(bytes(a), bytes(b));
    }

    private static byte[] bytes(AttributeValue value) {
        return value.s() != null ? value.s().getBytes(StandardCharsets.UTF_8) : value.b().asByteArray();
    }

    /** A sort key as text that is equal for equal keys (numbers in one canonical form). */
    private static String identity(AttributeValue value) {
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toString();
        }
        return value.s() != null ? "'" + value.s() + "'" : "0x" + HexFormat.of().formatHex(value.b().asByteArray());
    }

    /** An item (or key) as text that is equal for equal items. */
    private static String canonical(Map<String, AttributeValue> item) {
        StringBuilder text = new StringBuilder("{");
        item.keySet().stream().sorted().forEach(name -> text.append(name).append('=')
                .append(identity(item.get(name))).append(' '));
        return text.append('}').toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static AttributeValue bin(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    @Test
    void the_model_data_has_the_edge_cases_it_should() {
        Set<String> partitions = new HashSet<>();
        MODEL.values().forEach(items -> items.forEach(i -> partitions.add(i.get("pk").s())));
        List<Map<String, AttributeValue>> numbers = MODEL.get(ScalarAttributeType.N);

        assertThat(partitions).containsExactlyInAnyOrderElementsOf(PARTITIONS);
        assertThat(numbers).anySatisfy(i -> assertThat(new BigDecimal(i.get("sk").n())).isNegative());
        assertThat(numbers).anySatisfy(i -> assertThat(i.get("sk").n()).contains("E"));
        assertThat(MODEL.get(ScalarAttributeType.S)).anySatisfy(i -> assertThat(i.get("sk").s()).contains("\ud83d"));
    }
}

package dev.dynamotest.benchmarks;

import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTest;
import dev.dynamotest.junit.Transport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The classes of the suite path: thirty {@code @DynamoTest} classes per transport, each with its own declared table
 * (named after its place in the suite), each doing three rounds (three test methods, reset between them as usual) of
 * the calls of {@link SuiteCalls} through the injected {@link DynamoDbClient}. Run by {@link SuitePath}, never by the
 * build (they live in the main code, where Surefire does not look).
 */
final class SuiteClasses {

    static final int CLASSES = 30;

    private SuiteClasses() {
    }

    /** The three rounds every class of the suite runs. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class Rounds {
        @Test
        @Order(1)
        void round1(DynamoDbClient client) {
            SuiteCalls.round(getClass(), 1, client);
        }

        @Test
        @Order(2)
        void round2(DynamoDbClient client) {
            SuiteCalls.round(getClass(), 2, client);
        }

        @Test
        @Order(3)
        void round3(DynamoDbClient client) {
            SuiteCalls.round(getClass(), 3, client);
        }
    }

    /** The classes whose injected clients go in process (the default). */
    @DynamoTest(transport = Transport.IN_PROCESS)
    abstract static class InProcess extends Rounds {
    }

    /** The classes whose injected clients go over HTTP to the class's endpoint. */
    @DynamoTest(transport = Transport.HTTP)
    abstract static class Http extends Rounds {
    }

    @DynamoTable(name = "Suite01", partitionKey = "pk", sortKey = "sk")
    static class InProcess01 extends InProcess {
    }

    @DynamoTable(name = "Suite02", partitionKey = "pk", sortKey = "sk")
    static class InProcess02 extends InProcess {
    }

    @DynamoTable(name = "Suite03", partitionKey = "pk", sortKey = "sk")
    static class InProcess03 extends InProcess {
    }

    @DynamoTable(name = "Suite04", partitionKey = "pk", sortKey = "sk")
    static class InProcess04 extends InProcess {
    }

    @DynamoTable(name = "Suite05", partitionKey = "pk", sortKey = "sk")
    static class InProcess05 extends InProcess {
    }

    @DynamoTable(name = "Suite06", partitionKey = "pk", sortKey = "sk")
    static class InProcess06 extends InProcess {
    }

    @DynamoTable(name = "Suite07", partitionKey = "pk", sortKey = "sk")
    static class InProcess07 extends InProcess {
    }

    @DynamoTable(name = "Suite08", partitionKey = "pk", sortKey = "sk")
    static class InProcess08 extends InProcess {
    }

    @DynamoTable(name = "Suite09", partitionKey = "pk", sortKey = "sk")
    static class InProcess09 extends InProcess {
    }

    @DynamoTable(name = "Suite10", partitionKey = "pk", sortKey = "sk")
    static class InProcess10 extends InProcess {
    }

    @DynamoTable(name = "Suite11", partitionKey = "pk", sortKey = "sk")
    static class InProcess11 extends InProcess {
    }

    @DynamoTable(name = "Suite12", partitionKey = "pk", sortKey = "sk")
    static class InProcess12 extends InProcess {
    }

    @DynamoTable(name = "Suite13", partitionKey = "pk", sortKey = "sk")
    static class InProcess13 extends InProcess {
    }

    @DynamoTable(name = "Suite14", partitionKey = "pk", sortKey = "sk")
    static class InProcess14 extends InProcess {
    }

    @DynamoTable(name = "Suite15", partitionKey = "pk", sortKey = "sk")
    static class InProcess15 extends InProcess {
    }

    @DynamoTable(name = "Suite16", partitionKey = "pk", sortKey = "sk")
    static class InProcess16 extends InProcess {
    }

    @DynamoTable(name = "Suite17", partitionKey = "pk", sortKey = "sk")
    static class InProcess17 extends InProcess {
    }

    @DynamoTable(name = "Suite18", partitionKey = "pk", sortKey = "sk")
    static class InProcess18 extends InProcess {
    }

    @DynamoTable(name = "Suite19", partitionKey = "pk", sortKey = "sk")
    static class InProcess19 extends InProcess {
    }

    @DynamoTable(name = "Suite20", partitionKey = "pk", sortKey = "sk")
    static class InProcess20 extends InProcess {
    }

    @DynamoTable(name = "Suite21", partitionKey = "pk", sortKey = "sk")
    static class InProcess21 extends InProcess {
    }

    @DynamoTable(name = "Suite22", partitionKey = "pk", sortKey = "sk")
    static class InProcess22 extends InProcess {
    }

    @DynamoTable(name = "Suite23", partitionKey = "pk", sortKey = "sk")
    static class InProcess23 extends InProcess {
    }

    @DynamoTable(name = "Suite24", partitionKey = "pk", sortKey = "sk")
    static class InProcess24 extends InProcess {
    }

    @DynamoTable(name = "Suite25", partitionKey = "pk", sortKey = "sk")
    static class InProcess25 extends InProcess {
    }

    @DynamoTable(name = "Suite26", partitionKey = "pk", sortKey = "sk")
    static class InProcess26 extends InProcess {
    }

    @DynamoTable(name = "Suite27", partitionKey = "pk", sortKey = "sk")
    static class InProcess27 extends InProcess {
    }

    @DynamoTable(name = "Suite28", partitionKey = "pk", sortKey = "sk")
    static class InProcess28 extends InProcess {
    }

    @DynamoTable(name = "Suite29", partitionKey = "pk", sortKey = "sk")
    static class InProcess29 extends InProcess {
    }

    @DynamoTable(name = "Suite30", partitionKey = "pk", sortKey = "sk")
    static class InProcess30 extends InProcess {
    }

    @DynamoTable(name = "Suite01", partitionKey = "pk", sortKey = "sk")
    static class Http01 extends Http {
    }

    @DynamoTable(name = "Suite02", partitionKey = "pk", sortKey = "sk")
    static class Http02 extends Http {
    }

    @DynamoTable(name = "Suite03", partitionKey = "pk", sortKey = "sk")
    static class Http03 extends Http {
    }

    @DynamoTable(name = "Suite04", partitionKey = "pk", sortKey = "sk")
    static class Http04 extends Http {
    }

    @DynamoTable(name = "Suite05", partitionKey = "pk", sortKey = "sk")
    static class Http05 extends Http {
    }

    @DynamoTable(name = "Suite06", partitionKey = "pk", sortKey = "sk")
    static class Http06 extends Http {
    }

    @DynamoTable(name = "Suite07", partitionKey = "pk", sortKey = "sk")
    static class Http07 extends Http {
    }

    @DynamoTable(name = "Suite08", partitionKey = "pk", sortKey = "sk")
    static class Http08 extends Http {
    }

    @DynamoTable(name = "Suite09", partitionKey = "pk", sortKey = "sk")
    static class Http09 extends Http {
    }

    @DynamoTable(name = "Suite10", partitionKey = "pk", sortKey = "sk")
    static class Http10 extends Http {
    }

    @DynamoTable(name = "Suite11", partitionKey = "pk", sortKey = "sk")
    static class Http11 extends Http {
    }

    @DynamoTable(name = "Suite12", partitionKey = "pk", sortKey = "sk")
    static class Http12 extends Http {
    }

    @DynamoTable(name = "Suite13", partitionKey = "pk", sortKey = "sk")
    static class Http13 extends Http {
    }

    @DynamoTable(name = "Suite14", partitionKey = "pk", sortKey = "sk")
    static class Http14 extends Http {
    }

    @DynamoTable(name = "Suite15", partitionKey = "pk", sortKey = "sk")
    static class Http15 extends Http {
    }

    @DynamoTable(name = "Suite16", partitionKey = "pk", sortKey = "sk")
    static class Http16 extends Http {
    }

    @DynamoTable(name = "Suite17", partitionKey = "pk", sortKey = "sk")
    static class Http17 extends Http {
    }

    @DynamoTable(name = "Suite18", partitionKey = "pk", sortKey = "sk")
    static class Http18 extends Http {
    }

    @DynamoTable(name = "Suite19", partitionKey = "pk", sortKey = "sk")
    static class Http19 extends Http {
    }

    @DynamoTable(name = "Suite20", partitionKey = "pk", sortKey = "sk")
    static class Http20 extends Http {
    }

    @DynamoTable(name = "Suite21", partitionKey = "pk", sortKey = "sk")
    static class Http21 extends Http {
    }

    @DynamoTable(name = "Suite22", partitionKey = "pk", sortKey = "sk")
    static class Http22 extends Http {
    }

    @DynamoTable(name = "Suite23", partitionKey = "pk", sortKey = "sk")
    static class Http23 extends Http {
    }

    @DynamoTable(name = "Suite24", partitionKey = "pk", sortKey = "sk")
    static class Http24 extends Http {
    }

    @DynamoTable(name = "Suite25", partitionKey = "pk", sortKey = "sk")
    static class Http25 extends Http {
    }

    @DynamoTable(name = "Suite26", partitionKey = "pk", sortKey = "sk")
    static class Http26 extends Http {
    }

    @DynamoTable(name = "Suite27", partitionKey = "pk", sortKey = "sk")
    static class Http27 extends Http {
    }

    @DynamoTable(name = "Suite28", partitionKey = "pk", sortKey = "sk")
    static class Http28 extends Http {
    }

    @DynamoTable(name = "Suite29", partitionKey = "pk", sortKey = "sk")
    static class Http29 extends Http {
    }

    @DynamoTable(name = "Suite30", partitionKey = "pk", sortKey = "sk")
    static class Http30 extends Http {
    }
}

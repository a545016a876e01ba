package dev.dynamotest.core.internal.routing;

/** The APIs the endpoint serves, each named by the prefix of its {@code X-Amz-Target} header. */
public enum Api {
    DYNAMODB("DynamoDB_20120810."),
    STREAMS("DynamoDBStreams_20120810."),
    AUTO_SCALING("AnyScaleFrontendService.");

    private final String prefix;

    Api(String prefix) {
        this.prefix = prefix;
    }

    /** The target prefix, dot included: {@code X-Amz-Target: <prefix><operation>}. */
    public String prefix() {
        return prefix;
    }
}

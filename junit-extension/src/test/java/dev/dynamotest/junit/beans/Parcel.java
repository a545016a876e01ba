package dev.dynamotest.junit.beans;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** An immutable class of the enhanced client with a binary key, for {@code @DynamoTablesFromBeans}. */
@DynamoDbImmutable(builder = Parcel.Builder.class)
public final class Parcel {

    private final byte[] code;

    private Parcel(Builder builder) {
        this.code = builder.code;
    }

    @DynamoDbPartitionKey
    public byte[] code() {
        return code;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds parcels. */
    public static final class Builder {
        private byte[] code;

        public Builder code(byte[] code) {
            this.code = code;
            return this;
        }

        public Parcel build() {
            return new Parcel(this);
        }
    }
}

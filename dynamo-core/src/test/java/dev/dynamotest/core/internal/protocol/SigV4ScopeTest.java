package dev.dynamotest.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigV4ScopeTest {

    @Test
    void readsTheRegionOfTheCredentialScope() {
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc")).isEqualTo("eu-west-1");
    }

    @Test
    void readsTheRegionOfAScopeCutShortAfterIt() {
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261125/ap-south-1")).isEqualTo("ap-south-1");
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261125/us-west-2, Signature=x"))
                .isEqualTo("us-west-2");
    }

    @Test
    void hasNoRegionWithoutAScopeOrWithAnEmptyOne() {
        assertThat(SigV4Scope.region(null)).isNull();
        assertThat(SigV4Scope.region("Bearer token")).isNull();
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261125, Signature=x")).isNull();
        assertThat(SigV4Scope.region("AWS4-HMAC-SHA256 Credential=AKID/20261125//dynamodb/aws4_request")).isNull();
    }
}

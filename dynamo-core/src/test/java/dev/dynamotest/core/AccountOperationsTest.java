package dev.dynamotest.core;

import dev.dynamotest.core.support.LocalEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;

class AccountOperationsTest {

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();

    @Test
    void describes_the_default_account_and_table_limits() {
        DescribeLimitsResponse limits = endpoint.client().describeLimits(r -> { });

        assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80000L);
        assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80000L);
        assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40000L);
        assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40000L);
    }

    @Test
    void describes_one_endpoint_with_a_cache_period() {
        DescribeEndpointsResponse endpoints = endpoint.client().describeEndpoints(r -> { });

        assertThat(endpoints.endpoints()).hasSize(1);
        assertThat(endpoints.endpoints().get(0).cachePeriodInMinutes()).isEqualTo(1440L);
        assertThat(endpoints.endpoints().get(0).address())
                .isEqualTo(endpoint.endpoint().getHost() + ":" + endpoint.endpoint().getPort());
    }
}

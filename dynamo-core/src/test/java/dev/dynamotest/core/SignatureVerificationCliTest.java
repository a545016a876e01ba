package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamotest.core.support.AwsCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signature check as other languages' users meet it: the AWS CLI (Python's botocore signer) against a server
 * started with {@link AccessKeys}. Skipped where no {@code aws} command is on the PATH.
 */
class SignatureVerificationCliTest {

    private static DynamoServer server;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.onPath(), "the AWS CLI is not on the PATH");
        server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0, AccessKeys.of("AKIDCLI", "cli-secret"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_cli_signing_with_a_known_key_is_served() throws Exception {
        AwsCli.Result result = AwsCli.run(server.endpoint(), "AKIDCLI", "cli-secret", "list-tables");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("\"TableNames\": []");
    }

    @Test
    void the_cli_with_a_wrong_secret_gets_invalid_signature() throws Exception {
        AwsCli.Result result = AwsCli.run(server.endpoint(), "AKIDCLI", "not-the-secret", "list-tables");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("(InvalidSignatureException)",
                "The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void the_cli_with_an_unknown_key_gets_unrecognized_client() throws Exception {
        AwsCli.Result result = AwsCli.run(server.endpoint(), "AKIDUNKNOWN", "cli-secret", "list-tables");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("(UnrecognizedClientException)",
                "The security token included in the request is invalid.");
    }
}

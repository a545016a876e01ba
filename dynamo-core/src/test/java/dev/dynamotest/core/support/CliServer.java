package dev.dynamotest.core.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamotest.core.DynamoServer;
import dev.dynamotest.core.EngineConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A standalone server on a free port for a class of AWS CLI tests, which are skipped where no {@code aws} command is
 * on the PATH: {@code @RegisterExtension static final CliServer cli = new CliServer();} then
 * {@code cli.aws("create-table", ...)}.
 */
public final class CliServer implements BeforeAllCallback, AfterAllCallback {

    private DynamoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(AwsCli.onPath(), "the AWS CLI is not on the PATH");
        server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Runs {@code aws dynamodb OPERATION ARGUMENTS...} against the server, with a test key. */
    public AwsCli.Result aws(String operation, String... arguments) throws Exception {
        return AwsCli.run(server.endpoint(), "AKIDCLI", "cli-secret", operation, arguments);
    }
}

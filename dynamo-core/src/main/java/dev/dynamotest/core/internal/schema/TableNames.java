package dev.dynamotest.core.internal.schema;

import dev.dynamotest.core.DynamoException;
import dev.dynamotest.core.internal.protocol.Constraints;
import dev.dynamotest.core.internal.storage.TableMeta;
import dev.dynamotest.core.internal.write.EngineContext;

/** Resolves the TableName parameter, a table name or (as DynamoDB also accepts) a table ARN, to a table. */
public final class TableNames {

    private static final String FORMAT = "arn:aws:dynamodb:<region>:<account-id>:table/<table-name>";

    private TableNames() {
    }

    /** Checks the parameter's form without looking the table up. */
    public static void check(String nameOrArn) {
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
            new Constraints().length(nameOrArn, "tableName", 1, 1024).check();
        } else {
            new Constraints().tableName(nameOrArn, "tableName").check();
        }
    }

    /** The table the parameter names in the region, or DynamoDB's ResourceNotFoundException. */
    public static TableMeta resolve(EngineContext ctx, String region, String nameOrArn) {
        check(nameOrArn);
        String name = nameOrArn;
        if (nameOrArn.startsWith("arn:")) {
            String[] parts = nameOrArn.split(":", 6);
            if (parts.length < 6 || !parts[2].equals("dynamodb") || !parts[5].startsWith("table/")
                    || parts[5].length() == "table/".length() || parts[5].indexOf('/', 6) >= 0) {
                throw DynamoException.validation("1 validation error detected: Invalid resource type in '"
                        + nameOrArn + "'. Valid ARN format is '" + FORMAT + "'");
            }
            if (!parts[3].equals(region) || !parts[4].equals(ctx.config().accountId())) {
                throw notFound(nameOrArn);
            }
            name = parts[5].substring("table/".length());
        }
        String tableName = name;
        return ctx.catalog().find(region, tableName).orElseThrow(() -> notFound(tableName));
    }

    public static DynamoException notFound(String name) {
        return DynamoException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
}

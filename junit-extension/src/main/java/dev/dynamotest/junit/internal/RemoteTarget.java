package dev.dynamotest.junit.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * An endpoint elsewhere that a test class runs against, with what is needed to talk to it: credentials, the
 * region an AWS endpoint serves, and the prefix of the class's tables there.
 *
 * @param region the one region an AWS regional endpoint serves, or {@code null} to sign for the regions the
 *     tests ask for
 * @param prefix what the names of the class's tables start with at the endpoint
 */
public record RemoteTarget(URI endpoint, AwsCredentialsProvider credentials, String credentialsSource,
        String region, String prefix) {

    /** The parameter naming the credentials: {@code default}, {@code dummy} or {@code profile:NAME}. */
    public static final String CREDENTIALS_PROPERTY = "dynamotest.credentials";
    /** The parameter naming the region to sign for, overriding the class's. */
    public static final String REGION_PROPERTY = "dynamotest.region";
    /** The parameter giving the start of table prefixes, e.g. {@code ci-1234-}. */
    public static final String PREFIX_PROPERTY = "dynamotest.tablePrefix";

    private static final Pattern AWS_HOST = Pattern.compile("dynamodb(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");
    private static final Pattern PREFIX = Pattern.compile("[a-zA-Z0-9_.-]{0,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Settles the target of {@code endpoint} from the parameters (JUnit configuration, system properties, environment). */
    public static RemoteTarget resolve(URI endpoint, Function<String, Optional<String>> parameters) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new MisuseException(ExtensionOptions.ENDPOINT_PROPERTY + " is set to \"" + endpoint
                    + "\", which is not an http or https URL; set it to an endpoint such as http://localhost:8000 "
                    + "or https://dynamodb.eu-west-1.amazonaws.com");
        }
        Matcher aws = AWS_HOST.matcher(endpoint.getHost().toLowerCase(Locale.ROOT));
        boolean isAws = aws.matches();
        String region = parameters.apply(REGION_PROPERTY).orElse(isAws ? aws.group(1) : null);
        String credentials = parameters.apply(CREDENTIALS_PROPERTY).orElse(isAws ? "default" : "dummy");
        String start = parameters.apply(PREFIX_PROPERTY).orElse("dynamotest-");
        if (!PREFIX.matcher(start).matches()) {
            throw new MisuseException(PREFIX_PROPERTY + " is set to \"" + start + "\", but table names may only hold "
                    + "letters, digits, '_', '-' and '.'; use at most 64 of those");
        }
        return new RemoteTarget(endpoint, credentials(credentials), credentials, region,
                start + HexFormat.of().toHexDigits(RANDOM.nextInt()) + "-");
    }

    private static AwsCredentialsProvider credentials(String source) {
        if (source.equals("default")) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (source.equals("dummy")) {
            return Clients.DUMMY_CREDENTIALS;
        }
        if (source.startsWith("profile:") && source.length() > "profile:".length()) {
            return ProfileCredentialsProvider.create(source.substring("profile:".length()));
        }
        throw new MisuseException(CREDENTIALS_PROPERTY + " is set to \"" + source + "\"; use \"default\" (the AWS "
                + "SDK's default chain: environment, profile, SSO, instance role), \"dummy\" (for a server that does "
                + "not check credentials) or \"profile:NAME\"");
    }
}

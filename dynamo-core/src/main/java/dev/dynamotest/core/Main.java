package dev.dynamotest.core;

import dev.dynamotest.core.internal.server.HeapReturn;
import dev.dynamotest.core.s3.ObjectStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone endpoint:
 * {@code java -jar dynamotest-server.jar [--port N] [--host H] [--region R] [--db PATH] [--s3-root PATH]
 * [--capacity enforce|observe] [--set-order sorted|shuffled] [--verify-signatures --credentials PATH]
 * [--dax-port N [--dax-tls [--dax-trust-store PATH]]]}. Prints the endpoint URL on one line when ready (then the
 * DAX URL on the next, with {@code --dax-port}); stops cleanly on Ctrl-C.
 */
public final class Main {

    /** The password of the trust store {@code --dax-tls} writes: it protects nothing secret, a certificate. */
    static final String TRUST_STORE_PASSWORD = "changeit";

    private static final String USAGE = "usage: java -jar dynamotest-server.jar [--port N] [--host HOST] "
            + "[--region REGION] [--db PATH] [--s3-root PATH] [--ttl-sweep-delay SECONDS]\n"
            + "       [--capacity observe|enforce] [--set-order sorted|shuffled] "
            + "[--verify-signatures --credentials PATH]\n"
            + "       [--dax-port N [--dax-tls [--dax-trust-store PATH]]]\n"
            + "  --port N       port to listen on (default 8000; 0 picks a free port)\n"
            + "  --host HOST    address to bind (default 127.0.0.1)\n"
            + "  --region R     region of requests that do not sign one (default us-east-1)\n"
            + "  --db PATH      keep the data in an H2 file at PATH (default: in memory)\n"
            + "  --s3-root PATH the folder whose subfolders are the buckets of exports and imports\n"
            + "                 (default: a new folder in the temporary directory)\n"
            + "  --capacity M   enforce: throttle over capacity as DynamoDB does; observe: only record (default)\n"
            + "  --set-order O  sorted: set elements in DynamoDB Local's order (default); shuffled: in a new\n"
            + "                 random order in every response\n"
            + "  --ttl-sweep-delay SECONDS\n"
            + "                 delete expired items this long after their TTL passes (default 10)\n"
            + "  --verify-signatures\n"
            + "                 check each request's SigV4 signature against the keys of --credentials\n"
            + "  --credentials PATH\n"
            + "                 a file of access keys: an access key id and its secret key per line\n"
            + "  --dax-port N   also serve DAX (Amazon's DAX client, dax://HOST:N) on this port, 0 for a free one;\n"
            + "                 with --verify-signatures it checks the DAX connections' signatures too\n"
            + "  --dax-tls      serve DAX over TLS (daxs://HOST:N) with a self-signed certificate made at start,\n"
            + "                 and write a PKCS12 trust store holding it (password " + TRUST_STORE_PASSWORD + ")\n"
            + "  --dax-trust-store PATH\n"
            + "                 where to write that trust store (default: a new file in the temporary directory)";


    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(USAGE);
            return;
        }
        HeapReturn.configure();
        EngineConfig.Builder config = EngineConfig.builder().defaultRegion(options.region)
                .capacityMode(options.capacity).setOrder(options.setOrder);
        if (options.db != null) {
            config.databasePath(Path.of(options.db));
        }
        if (options.ttlSweepDelay != null) {
            config.ttlSweepDelay(options.ttlSweepDelay);
        }
        if (options.s3Root != null) {
            config.objectStore(ObjectStore.directory(Path.of(options.s3Root)));
        }
        DynamoServer server;
        try {
            server = options.verifySignatures
                    ? DynamoServer.start(config.build(), options.host, options.port,
                            AccessKeys.read(Path.of(options.credentials)))
                    : DynamoServer.start(config.build(), options.host, options.port);
        } catch (RuntimeException e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        DaxServer dax;
        try {
            dax = options.daxPort == null ? null : startDax(server.engine(), options);
        } catch (RuntimeException e) {
            server.close();
            System.err.println("cannot start DAX: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (dax != null) {
                dax.close();
            }
            server.close();
            stopped.countDown();
        }, "dynamotest-shutdown"));
        if (!options.verifySignatures && !isLoopback(options.host)) {
            System.err.println("warning: " + options.host + " is reachable beyond this machine and any request is "
                    + "served; --verify-signatures --credentials PATH lets only signed requests in");
        }
        PrintStream out = System.out;
        out.println(server.endpoint());
        if (dax != null) {
            out.println(dax.url());
        }
        out.flush();
        if (dax != null && options.daxTls) {
            System.err.println("DAX certificate: trust it with -Djavax.net.ssl.trustStore=" + options.daxTrustStore
                    + " -Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD);
        }
        stopped.await();
    }

    /**
     * The DAX endpoint beside the HTTP one: same host, the engine's default TTLs; with {@code --dax-tls}, over TLS,
     * its certificate written to a trust store at {@code options.daxTrustStore} (set to a temporary file if none).
     */
    static DaxServer startDax(DynamoEngine engine, Options options) {
        DaxConfig.Builder config = DaxConfig.builder().host(options.host).port(options.daxPort).tls(options.daxTls);
        if (options.verifySignatures) {
            config.accessKeys(AccessKeys.read(Path.of(options.credentials)));
        }
        DaxServer dax = DaxServer.start(engine, config.build());
        if (options.daxTls) {
            try {
                if (options.daxTrustStore == null) {
                    options.daxTrustStore = Files.createTempFile("dynamotest-dax-", ".p12").toString();
                }
                dax.writeTrustStore(Path.of(options.daxTrustStore), TRUST_STORE_PASSWORD.toCharArray());
            } catch (IOException | RuntimeException e) {
                dax.close();
                throw new IllegalStateException("cannot write the DAX trust store: " + e.getMessage(), e);
            }
        }
        return dax;
    }

    /** Whether a host name or address is this machine's loopback, reachable from this machine only. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The parsed command line. */
    static final class Options {
        int port = 8000;
        String host = "127.0.0.1";
        String region = "us-east-1";
        String db;
        java.time.Duration ttlSweepDelay;
        String s3Root;
        CapacityMode capacity = CapacityMode.OBSERVE;
        SetOrder setOrder = SetOrder.SORTED;
        boolean verifySignatures;
        String credentials;
        Integer daxPort;
        boolean daxTls;
        String daxTrustStore;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--port" -> o.port = port(value(args, ++i, arg), arg);
                    case "--host" -> o.host = value(args, ++i, arg);
                    case "--region" -> o.region = value(args, ++i, arg);
                    case "--db" -> o.db = value(args, ++i, arg);
                    case "--ttl-sweep-delay" -> o.ttlSweepDelay = seconds(value(args, ++i, arg), arg);
                    case "--s3-root" -> o.s3Root = value(args, ++i, arg);
                    case "--capacity" -> o.capacity = capacity(value(args, ++i, arg));
                    case "--set-order" -> o.setOrder = setOrder(value(args, ++i, arg));
                    case "--verify-signatures" -> o.verifySignatures = true;
                    case "--credentials" -> o.credentials = value(args, ++i, arg);
                    case "--dax-port" -> o.daxPort = port(value(args, ++i, arg), arg);
                    case "--dax-tls" -> o.daxTls = true;
                    case "--dax-trust-store" -> o.daxTrustStore = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            if (o.verifySignatures && o.credentials == null) {
                throw new IllegalArgumentException("--verify-signatures needs --credentials PATH");
            }
            if (o.credentials != null && !o.verifySignatures) {
                throw new IllegalArgumentException("--credentials is read only with --verify-signatures");
            }
            if (o.daxTls && o.daxPort == null) {
                throw new IllegalArgumentException("--dax-tls needs --dax-port N");
            }
            if (o.daxTrustStore != null && !o.daxTls) {
                throw new IllegalArgumentException("--dax-trust-store is written only with --dax-tls");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static CapacityMode capacity(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "enforce" -> CapacityMode.ENFORCE;
                case "observe" -> CapacityMode.OBSERVE;
                default -> throw new IllegalArgumentException("--capacity takes enforce or observe, not " + text);
            };
        }

        private static SetOrder setOrder(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "sorted" -> SetOrder.SORTED;
                case "shuffled" -> SetOrder.SHUFFLED;
                default -> throw new IllegalArgumentException("--set-order takes sorted or shuffled, not " + text);
            };
        }

        private static java.time.Duration seconds(String text, String option) {
            try {
                java.math.BigDecimal seconds = new java.math.BigDecimal(text);
                if (seconds.signum() < 0) {
                    throw new NumberFormatException();
                }
                return java.time.Duration.ofMillis(seconds.movePointRight(3).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(option + " takes a number of seconds, 0 or more, not " + text);
            }
        }

        private static int port(String text, String flag) {
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " takes a number from 0 to 65535, not " + text);
            }
        }
    }
}

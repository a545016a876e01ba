package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void defaults_to_loopback_port_8000_and_us_east_1_in_memory() {
        Main.Options options = Main.Options.parse(new String[0]);

        assertThat(options.port).isEqualTo(8000);
        assertThat(options.host).isEqualTo("127.0.0.1");
        assertThat(options.region).isEqualTo("us-east-1");
        assertThat(options.db).isNull();
    }

    @Test
    void reads_every_flag() {
        Main.Options options = Main.Options.parse(new String[] {
            "--port", "0", "--host", "0.0.0.0", "--region", "eu-west-1", "--db", "/tmp/x",
            "--s3-root", "/tmp/s3"});

        assertThat(options.port).isZero();
        assertThat(options.host).isEqualTo("0.0.0.0");
        assertThat(options.region).isEqualTo("eu-west-1");
        assertThat(options.db).isEqualTo("/tmp/x");
        assertThat(options.s3Root).isEqualTo("/tmp/s3");
    }

    @Test
    void rejects_unknown_flags_and_bad_ports() {
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--verbose"}))
                .hasMessage("unknown option: --verbose");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--port", "70000"}))
                .hasMessage("--port takes a number from 0 to 65535, not 70000");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--port"}))
                .hasMessage("--port needs a value");
    }

    @Test
    void capacity_flag_chooses_enforce_or_observe() {
        assertThat(Main.Options.parse(new String[0]).capacity).isEqualTo(CapacityMode.OBSERVE);
        assertThat(Main.Options.parse(new String[] {"--capacity", "enforce"}).capacity)
                .isEqualTo(CapacityMode.ENFORCE);
        assertThat(Main.Options.parse(new String[] {"--capacity", "OBSERVE"}).capacity)
                .isEqualTo(CapacityMode.OBSERVE);
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--capacity", "strict"}))
                .hasMessage("--capacity takes enforce or observe, not strict");
    }

    @Test
    void set_order_flag_chooses_sorted_or_shuffled() {
        assertThat(Main.Options.parse(new String[0]).setOrder).isEqualTo(SetOrder.SORTED);
        assertThat(Main.Options.parse(new String[] {"--set-order", "shuffled"}).setOrder)
                .isEqualTo(SetOrder.SHUFFLED);
        assertThat(Main.Options.parse(new String[] {"--set-order", "SORTED"}).setOrder).isEqualTo(SetOrder.SORTED);
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--set-order", "random"}))
                .hasMessage("--set-order takes sorted or shuffled, not random");
    }

    @Test
    void verify_signatures_reads_the_credentials_file() {
        Main.Options options = Main.Options.parse(new String[] {"--verify-signatures", "--credentials", "/tmp/keys"});

        assertThat(options.verifySignatures).isTrue();
        assertThat(options.credentials).isEqualTo("/tmp/keys");
        assertThat(Main.Options.parse(new String[0]).verifySignatures).isFalse();
    }

    @Test
    void verify_signatures_and_credentials_go_together() {
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--verify-signatures"}))
                .hasMessage("--verify-signatures needs --credentials PATH");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--credentials", "/tmp/keys"}))
                .hasMessage("--credentials is read only with --verify-signatures");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--verify-signatures", "--credentials"}))
                .hasMessage("--credentials needs a value");
    }

    @Test
    void tells_loopback_hosts_from_hosts_reachable_beyond_this_machine() {
        assertThat(Main.isLoopback("127.0.0.1")).isTrue();
        assertThat(Main.isLoopback("localhost")).isTrue();
        assertThat(Main.isLoopback("::1")).isTrue();
        assertThat(Main.isLoopback("0.0.0.0")).isFalse();
        assertThat(Main.isLoopback("::")).isFalse();
    }

    @Test
    void a_server_on_port_zero_reports_the_port_it_got() {
        try (DynamoServer server = DynamoServer.start(EngineConfig.defaults(), "127.0.0.1", 0)) {
            assertThat(server.port()).isPositive();
            assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
        }
    }

    @Test
    void dax_port_serves_dax_beside_http() {
        Main.Options options = Main.Options.parse(new String[] {"--dax-port", "0"});
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--dax-port", "x"}))
                .hasMessage("--dax-port takes a number from 0 to 65535, not x");

        try (DynamoEngine engine = DynamoEngine.create(); DaxServer dax = Main.startDax(engine, options)) {
            assertThat(options.daxPort).isZero();
            assertThat(dax.url().toString()).isEqualTo("dax://127.0.0.1:" + dax.port());
            assertThat(dax.port()).isPositive();
        }
    }

    @Test
    void dax_tls_serves_daxs_and_writes_a_trust_store_holding_its_certificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("trust.p12");
        Main.Options options = Main.Options.parse(new String[] {"--dax-port", "0", "--dax-tls",
            "--dax-trust-store", store.toString()});
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--dax-tls"}))
                .hasMessage("--dax-tls needs --dax-port N");
        assertThatThrownBy(() -> Main.Options.parse(new String[] {"--dax-port", "0", "--dax-trust-store", "x"}))
                .hasMessage("--dax-trust-store is written only with --dax-tls");

        try (DynamoEngine engine = DynamoEngine.create(); DaxServer dax = Main.startDax(engine, options)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                trusted.load(in, Main.TRUST_STORE_PASSWORD.toCharArray());
            }

            assertThat(dax.url().toString()).isEqualTo("daxs://127.0.0.1:" + dax.port());
            assertThat(trusted.getCertificate(trusted.aliases().nextElement()))
                    .isEqualTo(dax.certificate().orElseThrow());
        }
    }

    @Test
    void dax_tls_writes_the_trust_store_to_a_temporary_file_by_default() throws Exception {
        Main.Options options = Main.Options.parse(new String[] {"--dax-port", "0", "--dax-tls"});

        try (DynamoEngine engine = DynamoEngine.create(); DaxServer dax = Main.startDax(engine, options)) {
            Path store = Path.of(options.daxTrustStore);
            try {
                assertThat(store).isRegularFile().isNotEmptyFile();
            } finally {
                Files.deleteIfExists(store);
            }
        }
    }
}

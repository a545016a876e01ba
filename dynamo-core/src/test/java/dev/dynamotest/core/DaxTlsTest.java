package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamotest.core.support.LocalEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * DAX over TLS: Amazon's DAX client reaches a {@code daxs://} server whose self-signed certificate the JVM's trust
 * store (the {@code javax.net.ssl.trustStore} system properties) holds, with host name verification on.
 */
class DaxTlsTest {

    private static final List<String> TRUST_PROPERTIES = List.of("javax.net.ssl.trustStore",
            "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");

    @RegisterExtension
    static final LocalEndpoint endpoint = LocalEndpoint.perClass();
    private final Properties saved = new Properties();
    private DaxServer dax;

    @BeforeAll
    static void table() {
        endpoint.createTable("Secure", "pk", null, null);
    }

    @AfterEach
    void restore() {
        for (String name : TRUST_PROPERTIES) {
            if (saved.containsKey(name)) {
                System.setProperty(name, saved.getProperty(name));
            } else {
                System.clearProperty(name);
            }
        }
        if (dax != null) {
            dax.close();
        }
    }

    private void trust(Path store, String password) {
        for (String name : TRUST_PROPERTIES) {
            if (System.getProperty(name) != null) {
                saved.setProperty(name, System.getProperty(name));
            }
        }
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", password);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static DynamoDbClient client(DaxServer dax, int timeoutMillis) throws IOException {
        return ClusterDaxClient.builder().overrideConfiguration(Configuration.builder()
                .url(dax.url().toString())
                .region(Region.US_EAST_1)
                .connectTimeoutMillis(timeoutMillis)
                .requestTimeoutMillis(timeoutMillis)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build()).build();
    }

    @Test
    void the_dax_client_talks_to_a_daxs_url_trusting_the_servers_certificate(@TempDir Path dir) throws IOException {
        dax = DaxServer.start(endpoint.server().engine(), DaxConfig.builder().tls(true).build());
        Path store = dir.resolve("dax-trust.p12");
        dax.writeTrustStore(store, "changeit".toCharArray());
        trust(store, "changeit");

        try (DynamoDbClient client = client(dax, 10_000)) {
            client.putItem(b -> b.tableName("Secure").item(Map.of("pk", AttributeValue.fromS("tls"),
                    "v", AttributeValue.fromS("encrypted"))));
            var item = client.getItem(b -> b.tableName("Secure").key(Map.of("pk", AttributeValue.fromS("tls"))))
                    .item();

            assertThat(item).containsEntry("v", AttributeValue.fromS("encrypted"));
        }
        assertThat(dax.url().getScheme()).isEqualTo("daxs");
        assertThat(dax.statistics().itemHits()).isEqualTo(1);
    }

    @Test
    void a_client_that_does_not_trust_the_certificate_cannot_talk_to_it() {
        dax = DaxServer.start(endpoint.server().engine(), DaxConfig.builder().tls(true).build());

        assertThatThrownBy(() -> {
            try (DynamoDbClient client = client(dax, 2_000)) {
                client.getItem(b -> b.tableName("Secure").key(Map.of("pk", AttributeValue.fromS("tls"))));
            }
        }).hasMessageContaining("no healthy endpoints");
        assertThat(dax.statistics().itemHits() + dax.statistics().itemMisses()).isZero();
    }

    @Test
    void the_certificate_names_the_host_and_loopback_and_verifies_with_its_own_key() throws Exception {
        dax = DaxServer.start(endpoint.server().engine(), DaxConfig.builder().tls(true).build());
        X509Certificate certificate = dax.certificate().orElseThrow();

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=DynamoTest DAX");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .contains((Object) "localhost", "127.0.0.1");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void a_plain_server_has_no_certificate_and_no_trust_store() {
        dax = DaxServer.start(endpoint.server().engine());

        assertThat(dax.url().getScheme()).isEqualTo("dax");
        assertThat(dax.certificate()).isEmpty();
        assertThatThrownBy(() -> dax.writeTrustStore(Files.createTempFile("dax", ".p12"), new char[0]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tls(true)");
    }
}

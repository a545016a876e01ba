package dev.dynamotest.core.internal.dax;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A key pair and a self-signed X.509 v3 certificate for it, made with the JDK alone: an EC P-256 key, signed with
 * SHA256withECDSA, naming in its subject alternative names the host names and addresses a TLS client checks it
 * against. Good for a test endpoint on this machine, which its clients are told to trust.
 */
public final class SelfSignedCertificate {

    private static final String EC_PUBLIC_KEY_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALTERNATIVE_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;
    private static final char[] KEY_PASSWORD = "dynamotest".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /**
     * Makes a key and a certificate valid from a day before {@code now} for {@code validity}, with {@code commonName}
     * as subject and issuer and the given names (host names, or IP addresses in their text form) as subject
     * alternative names.
     */
    public static SelfSignedCertificate generate(String commonName, Collection<String> names, Instant now,
            Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] algorithm = Der.sequence(Der.oid(EC_PUBLIC_KEY_WITH_SHA256));
            byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(new BigInteger(64, new SecureRandom()).setBit(63)),
                    algorithm,
                    name,
                    Der.sequence(Der.time(now.minus(Duration.ofDays(1))), Der.time(now.plus(validity))),
                    name,
                    keys.getPublic().getEncoded(),
                    Der.explicit(3, Der.sequence(
                            Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true),
                                    Der.octetString(Der.sequence())),
                            Der.sequence(Der.oid(SUBJECT_ALTERNATIVE_NAME),
                                    Der.octetString(alternativeNames(names))))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] encoded = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
            return new SelfSignedCertificate(keys, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make an EC P-256 certificate", e);
        }
    }

    private static byte[] alternativeNames(Collection<String> names) {
        List<byte[]> encoded = new ArrayList<>();
        for (String name : names) {
            if (isAddress(name)) {
                encoded.add(Der.implicit(IP_ADDRESS, address(name)));
            } else {
                encoded.add(Der.implicit(DNS_NAME, name.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        return Der.sequence(encoded.toArray(byte[][]::new));
    }

    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A server-side TLS context that presents this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keys.getPrivate(), KEY_PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context for the certificate", e);
        }
    }

    /** Writes a PKCS12 trust store holding the certificate alone (as a trusted certificate entry). */
    public static void writeTrustStore(X509Certificate certificate, Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("dynamotest-dax", certificate);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write a PKCS12 trust store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust store " + file, e);
        }
    }
}

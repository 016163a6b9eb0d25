package org.modernxmpp.portability.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.net.ssl.TrustManagerFactory;

/**
 * A private CA and a server certificate it signed for one domain, made with the JDK's keytool (RSA: ejabberd 23.01
 * finds no EC key in a PKCS#8 file): the server's
 * certificate and key as PEM for Prosody, the CA as a PKCS#12 trust store for the client. Nothing from the JVM's
 * trust store vouches for either, so a client trusts them only when given the trust store.
 */
record TestCertificates(Path folder, Path certificatePem, Path keyPem, Path serverKeyStore, Path trustStore) {
    static final String PASSWORD = "changeit";

    static TestCertificates create(Path folder, String domain) throws IOException {
        Files.createDirectories(folder);
        Path ca = folder.resolve("ca.p12");
        Path server = folder.resolve("server.p12");
        Path csr = folder.resolve("server.csr");
        Path signed = folder.resolve("server.crt");
        Path caPem = folder.resolve("ca.crt");
        for (Path stale : List.of(ca, server, csr, signed, caPem)) {
            Files.deleteIfExists(stale);
        }
        keytool(folder, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Portability Test CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(folder, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-file", caPem.toString());
        keytool(folder, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + domain,
                "-validity", "30", "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(folder, "-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD, "-file", csr.toString());
        keytool(folder, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-infile", csr.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "30", "-ext", "san=dns:" + domain, "-ext", "eku=serverAuth");
        keytool(folder, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString(),
                "-storepass", PASSWORD);
        keytool(folder, "-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString(), "-storepass", PASSWORD);
        Path key = folder.resolve("server.key");
        Files.writeString(key, pem("PRIVATE KEY", privateKey(server).getEncoded()), StandardCharsets.US_ASCII);
        Path trust = folder.resolve("trust.p12");
        writeTrustStore(trust, caPem);
        return new TestCertificates(folder, signed, key, server, trust);
    }

    /** A check that trusts this CA only. */
    javax.net.ssl.X509TrustManager trustManager() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return (javax.net.ssl.X509TrustManager) trust.getTrustManagers()[0];
    }

    private static PrivateKey privateKey(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return (PrivateKey) keys.getKey("server", PASSWORD.toCharArray());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void writeTrustStore(Path trust, Path caPem) throws IOException {
        try (InputStream in = Files.newInputStream(caPem); OutputStream out = Files.newOutputStream(trust)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", certificate);
            store.store(out, PASSWORD.toCharArray());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void keytool(Path folder, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        PeerProcess.run(command, folder, Map.of(), Duration.ofSeconds(60));
    }
}

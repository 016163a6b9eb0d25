package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLimits;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteProblem;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.remote.ServerAddress;
import org.xmpp.packet.JID;

/**
 * What the pull does with servers that misbehave before a login can succeed, or refuse it: each ends with its own clear
 * error, soon. (Servers hostile after a login: {@link HostileAccountTest}.)
 */
class HostileServerTest {
    private static final RemoteLogin ANNA = new RemoteLogin(new JID("anna@pull.example"), "secret");

    private static RemoteSettings at(int port, boolean directTls) {
        return RemoteSettings.defaults().withServer(new ServerAddress("127.0.0.1", port, directTls))
                .withAddresses(AddressPolicy.allowingInternal()).withTimeout(Duration.ofSeconds(2));
    }

    private static RemoteException connect(RemoteSettings settings) {
        long started = System.nanoTime();
        RemoteException e = assertThrows(RemoteException.class, () -> new RemoteConnector(settings).connect(ANNA));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos(), "it gave up in time");
        return e;
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FakeXmppServer stall = FakeXmppServer.start((in, out) -> Thread.sleep(60_000))) {
            RemoteException e = connect(at(stall.port(), false));
            assertEquals(RemoteProblem.TIMEOUT, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        }
    }

    @Test
    void aServerWithoutTlsIsNotLoggedInTo() throws Exception {
        try (FakeXmppServer plain = FakeXmppServer.start((in, out) -> {
            out.write(("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
                    + "</mechanisms></stream:features>").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream rest = in;
            byte[] buffer = new byte[4096];
            StringBuilder sent = new StringBuilder();
            for (int n; (n = rest.read(buffer)) > 0; ) {
                sent.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                assertTrue(!sent.toString().contains("<auth"), "no password goes over plain TCP");
            }
        })) {
            RemoteException e = connect(at(plain.port(), false));
            assertEquals(RemoteProblem.TLS_NOT_OFFERED, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("offers no encrypted connection"), e.getMessage());
        }
    }

    @Test
    void aStanzaWithoutEndIsCutOffAtTheBound() throws Exception {
        try (FakeXmppServer endless = FakeXmppServer.start((in, out) -> {
            out.write("<stream:features><flood xmlns='urn:example:flood'>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
            }
        })) {
            RemoteSettings bounded = at(endless.port(), false).withTimeout(Duration.ofSeconds(10))
                    .withLimits(RemoteLimits.DEFAULT.withMaxStanzaBytes(64 * 1024));
            RemoteException e = connect(bounded);
            assertEquals(RemoteProblem.TOO_MUCH_DATA, e.problem(), e.getMessage());
        }
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RemoteException e = connect(at(port, false));
        assertEquals(RemoteProblem.UNREACHABLE, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1 port " + port), e.getMessage());
    }

    @Test
    void theCommandLineSaysWhyAndLeavesNoFileBehind(@TempDir Path folder) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path password = java.nio.file.Files.writeString(folder.resolve("password"), "secret\n");
        Path out = folder.resolve("anna.xml");
        java.io.StringWriter stderr = new java.io.StringWriter();
        int exit = org.modernxmpp.portability.cli.PortabilityCommand.run(new String[] {"pull", "anna@pull.example", "-o",
                out.toString(), "--password-file", password.toString(), "--server", "127.0.0.1:" + port,
                "--allow-internal-addresses", "--timeout", "2"}, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(stderr, true));
        assertEquals(org.modernxmpp.portability.cli.ExitCodes.REMOTE_ERROR, exit, stderr.toString());
        assertTrue(stderr.toString().contains("error: Could not reach an XMPP server for pull.example"), stderr.toString());
        try (var left = java.nio.file.Files.list(folder)) {
            assertEquals(List.of("password"), left.map(p -> p.getFileName().toString()).toList(), "no partial export");
        }
        int refused = org.modernxmpp.portability.cli.PortabilityCommand.run(new String[] {"pull", "anna@pull.example", "-o",
                out.toString(), "--password-file", password.toString(), "--server", "127.0.0.1:" + port},
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(stderr, true));
        assertEquals(org.modernxmpp.portability.cli.ExitCodes.REMOTE_ERROR, refused);
        assertTrue(stderr.toString().contains("127.0.0.1, a loopback address"), stderr.toString());
    }

    /** A server side of TLS with the certificate {@code certificates} made. */
    private static SSLContext serverTls(TestCertificates certificates) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(certificates.serverKeyStore())) {
            keys.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TestCertificates.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        return tls;
    }

    @Test
    void aDisabledAccountIsSaidSoAndNotCalledAWrongPassword(@TempDir Path folder) throws Exception {
        TestCertificates certificates = TestCertificates.create(folder, "pull.example");
        try (FakeXmppServer disabling = FakeXmppServer.start(serverTls(certificates).getServerSocketFactory(), (in, out) -> {
            out.write(("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
                    + "</mechanisms></stream:features>").getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder sent = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; !sent.toString().contains("</auth>") && (n = in.read(buffer)) > 0; ) {
                sent.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            out.write("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><account-disabled/></failure>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            in.read(buffer);
        }, true)) {
            RemoteException e = connect(at(disabling.port(), true).withTrustStore(certificates.trustStore(), TestCertificates.PASSWORD));
            assertEquals(RemoteProblem.ACCOUNT_DISABLED, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("says the account anna@pull.example"), e.getMessage());
        }
    }

    @Test
    void aTrustedCertificateForAnotherDomainIsRefused(@TempDir Path folder) throws Exception {
        TestCertificates other = TestCertificates.create(folder, "wrong.example");
        SSLContext tls = serverTls(other);
        // reading makes the server side run its handshake, with the certificate for the wrong name
        try (FakeXmppServer impostor = FakeXmppServer.start(tls.getServerSocketFactory(), (in, out) -> in.read(), false)) {
            RemoteSettings trusting = at(impostor.port(), true).withTrustStore(other.trustStore(), TestCertificates.PASSWORD);
            RemoteException e = connect(trusting);
            assertEquals(RemoteProblem.TLS_NOT_TRUSTED, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("could not prove that it is pull.example"), e.getMessage());
        }
    }
}

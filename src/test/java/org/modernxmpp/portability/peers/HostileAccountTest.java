package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.PullOptions;
import org.modernxmpp.portability.remote.PullProgress;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLimits;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteProblem;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.remote.ServerAddress;
import org.xmpp.packet.JID;

/**
 * A server that turns hostile after the login, which a fake server cannot fake as well as a real one: a real Prosody
 * (TLS, SCRAM, bind as usual) with a module of the tests' own, {@code mod_hostile}, that answers some accounts badly.
 * A pull stops with a clear word and a whole file, never loops, never holds more than its bounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileAccountTest {
    private static final String DOMAIN = "hostile.test";
    private static final String PASSWORD = "hostile-secret";
    private ProsodyPeer prosody;

    @BeforeAll
    void start() throws Exception {
        ProsodyPeer.assumeInstalled();
        prosody = ProsodyPeer.createWithTls("prosody/hostile", "127.0.0.28", DOMAIN);
        prosody.addModule("hostile");
        for (String user : List.of("looper", "endless", "staller")) {
            prosody.register(user, PASSWORD);
        }
        prosody.start("staller", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (prosody != null) {
            prosody.close();
        }
    }

    private RemoteSettings settings(RemoteLimits limits) {
        return RemoteSettings.defaults()
                .withServer(new ServerAddress(prosody.address().ip(), prosody.address().port(), false))
                .withTrustStore(prosody.certificates().trustStore(), TestCertificates.PASSWORD)
                .withAddresses(AddressPolicy.allowingInternal())
                .withTimeout(Duration.ofSeconds(3))
                .withLimits(limits);
    }

    private record Pulled(PullReport report, UserData user) {
    }

    private Pulled pull(String user, RemoteLimits limits, Path file) throws Exception {
        PullReport report;
        try (RemoteSession session = new RemoteConnector(settings(limits)).connect(new RemoteLogin(new JID(user + "@" + DOMAIN), PASSWORD));
             OutputStream out = Files.newOutputStream(file);
             PieWriter writer = new PieWriter(out)) {
            report = new AccountPull(session, PullOptions.everything(), PullProgress.NONE).pullTo(writer);
            writer.finish();
        }
        return new Pulled(report, OurImport.of(file, DOMAIN).read().get(user));
    }

    @Test
    void anArchiveThatSendsTheSamePageForeverIsReadOnceAndSaysSo() throws Exception {
        Pulled pulled = pull("looper", RemoteLimits.DEFAULT, prosody.base().resolve("looper.xml"));

        PullReport.KindRead archive = pulled.report().kind(DataKind.ARCHIVE);
        assertEquals(PullReport.Status.INCOMPLETE, archive.status());
        assertEquals("the server sent the same page again after 1 message; stopped there", archive.detail());
        assertFalse(pulled.report().complete());
        assertEquals(1, pulled.user().archive().size(), "the file is whole and holds the page once");
    }

    @Test
    void anArchiveWithoutEndStopsAtTheBoundWithAWholeFile() throws Exception {
        Pulled pulled = pull("endless", RemoteLimits.DEFAULT.withMaxArchiveMessages(500), prosody.base().resolve("endless.xml"));

        PullReport.KindRead archive = pulled.report().kind(DataKind.ARCHIVE);
        assertEquals(PullReport.Status.INCOMPLETE, archive.status());
        assertTrue(archive.detail().contains("stopped at 500 messages"), archive.detail());
        assertEquals(500, pulled.user().archive().size());
        Set<String> bodies = new HashSet<>();
        pulled.user().archive().forEach(m -> bodies.add(m.message().canonicalForm()));
        assertEquals(500, bodies.size(), "each message once");
    }

    @Test
    void aServerThatStopsAnsweringMidwayIsATimeOutNamingWhatItWaitedFor() throws Exception {
        Path file = prosody.base().resolve("staller.xml");
        RemoteException e = assertThrows(RemoteException.class, () -> pull("staller", RemoteLimits.DEFAULT, file));

        assertEquals(RemoteProblem.TIMEOUT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("did not answer within 3 seconds (vCard of vcard-temp)"), e.getMessage());
    }
}

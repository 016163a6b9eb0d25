package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.modernxmpp.portability.cli.ExitCodes;
import org.modernxmpp.portability.cli.PortabilityCommand;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.PrivateXmlKeys;
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
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.UserOutcome;
import org.xmpp.packet.JID;

/**
 * The pull against a real Prosody 0.12 that requires TLS, with a certificate from the test's own CA: the accounts are
 * filled through a real client, anna is pulled as her own client would read her, and what arrives is compared kind by
 * kind with what was put in and with Prosody's own XEP-0227 export of the same account. Then the failures a person
 * can meet: a wrong password, a certificate nobody vouches for, an address on loopback, bounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProsodyPullTest {
    private static final String DOMAIN = "prosody-pull.test";
    private static final String IP = "127.0.0.24";
    /** More than Prosody's max_archive_query_results (200) and the pull's page (250): the archive must be paged. */
    private static final int CHATS = 300;
    private static final PrivateXmlKeys.Key CUSTOM = new PrivateXmlKeys.Key("settings", "urn:example:custom");

    private ProsodyPeer prosody;
    private final PeerFill fill = new PeerFill(DOMAIN);
    private Path pulledFile;
    private PullReport report;
    private UserData pulled;
    private UserData exported;

    @BeforeAll
    void fillPullAndExport() throws Exception {
        ProsodyPeer.assumeInstalled();
        prosody = ProsodyPeer.createWithTls("prosody/pull", IP, DOMAIN);
        prosody.register(PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
        prosody.register(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        prosody.register(PeerFill.CLEO, PeerFill.CLEO_PASSWORD);
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        fill.fill(prosody.address(), new PeerFill.Peer(false, true));
        try (PeerClient ben = PeerClient.login(prosody.address(), PeerFill.BEN, PeerFill.BEN_PASSWORD)) {
            for (int i = 1; i <= CHATS; i++) {
                ben.sendMessage(fill.jid(PeerFill.ANNA), Message.Type.chat, "chat-" + i, null, "Chat " + i + " ☃ & <b>");
            }
            ben.sync();
        }
        pulledFile = prosody.base().resolve("pulled.xml");
        try (RemoteSession session = connector(settings()).connect(anna());
             OutputStream out = Files.newOutputStream(pulledFile);
             PieWriter writer = new PieWriter(out)) {
            report = new AccountPull(session, options(), PullProgress.NONE).pullTo(writer);
            writer.finish();
        }
        pulled = OurImport.of(pulledFile, DOMAIN).read().get(PeerFill.ANNA);
        prosody.stop();
        exported = OurImport.of(prosody.exportToXep0227(), DOMAIN).read().get(PeerFill.ANNA);
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
    }

    @AfterAll
    void stopProsody() {
        if (prosody != null) {
            prosody.close();
        }
    }

    private RemoteSettings settings() {
        return RemoteSettings.defaults()
                .withServer(new ServerAddress(IP, prosody.address().port(), false))
                .withTrustStore(prosody.certificates().trustStore(), TestCertificates.PASSWORD)
                .withAddresses(AddressPolicy.allowingInternal())
                .withTimeout(Duration.ofSeconds(10));
    }

    private static RemoteConnector connector(RemoteSettings settings) {
        return new RemoteConnector(settings);
    }

    private RemoteLogin anna() {
        return new RemoteLogin(new JID(fill.jid(PeerFill.ANNA)), PeerFill.ANNA_PASSWORD);
    }

    private static PullOptions options() {
        return PullOptions.everything().withPrivateXml(PrivateXmlKeys.with(List.of(CUSTOM)));
    }

    // ---------------------------------------------------------------- what arrives

    @Test
    void everythingProsodyOffersArrivesAndTheReportSaysWhatCannot() {
        assertTrue(report.complete(), String.join("\n", report.lines()));
        assertEquals(PullReport.Status.NOT_OFFERED, report.kind(DataKind.PRIVACY).status(), "Prosody 0.12 has no privacy lists");
        assertEquals(4, report.kind(DataKind.ROSTER).count());
        assertEquals(4, report.kind(DataKind.PEP).count());
        assertTrue(report.notReadable().stream().anyMatch(line -> line.startsWith("offline messages")), report.notReadable().toString());
        assertTrue(report.kind(DataKind.PRIVATE_XML).detail().contains("storage:bookmarks, urn:example:custom"),
                report.kind(DataKind.PRIVATE_XML).detail());
    }

    @Test
    void rosterKeepsNamesGroupsSubscriptionsAndAsks() {
        assertEquals(OurImport.sorted(fill.rosters().get(PeerFill.ANNA)), OurImport.contacts(pulled.roster()));
        assertEquals(OurImport.contacts(exported.roster()), OurImport.contacts(pulled.roster()), "as Prosody's own export");
    }

    @Test
    void vCardArrivesWholeWithItsPhoto() {
        assertEquals(Xml.payload(fill.vCard()), pulled.vCard());
        assertEquals(exported.vCard(), pulled.vCard());
    }

    @Test
    void privateXmlArrivesForEveryNamespaceAskedFor() {
        Map<String, ?> expected = OurImport.fragments(fill.privateXml().stream().map(Xml::payload).toList());
        assertEquals(expected, OurImport.fragments(pulled.privateXml()));
        assertEquals(OurImport.fragments(exported.privateXml()), OurImport.fragments(pulled.privateXml()));
    }

    @Test
    void everyPepNodeArrivesWithItsItemsAndAccessModel() {
        assertEquals(OurImport.payloads(fill.pep()), OurImport.pep(pulled.pepNodes()));
        assertEquals(OurImport.pep(exported.pepNodes()), OurImport.pep(pulled.pepNodes()));
        var bookmarks = pulled.pepNodes().stream().filter(n -> n.node().equals(PeerFill.NODE_BOOKMARKS)).findFirst().orElseThrow();
        assertNotNull(bookmarks.configuration(), "the owner may read the configuration");
        assertTrue(bookmarks.configuration().canonicalForm().contains("whitelist"), bookmarks.configuration().canonicalForm());
    }

    @Test
    void blocklistArrivesThoughProsodysOwnExportLeavesItOut() {
        assertEquals(PeerFill.BLOCKED, pulled.blocklist().stream().map(JID::toString).sorted().toList());
        assertEquals(List.of(), exported.blocklist(), "Prosody 0.12's xep0227 driver has no blocklist handler");
    }

    @Test
    void theWholeArchiveArrivesPagedWithIdsAndTimesAsProsodyKeepsThem() {
        assertEquals(CHATS + fill.offlineMessages().size(), pulled.archive().size());
        assertEquals(byId(exported.archive()), byId(pulled.archive()), "every message, id and time as in Prosody's export");
        Map<String, PeerFill.OfflineMessage> seen = new TreeMap<>();
        pulled.archive().forEach(m -> seen.put(Messages.seen(m.message()).id(), Messages.seen(m.message())));
        for (PeerFill.OfflineMessage sent : fill.offlineMessages()) {
            assertEquals(sent, seen.get(sent.id()));
        }
        assertEquals("Chat 300 ☃ & <b>", seen.get("chat-300").body());
    }

    private static Map<String, ArchivedMessage> byId(List<ArchivedMessage> archive) {
        Map<String, ArchivedMessage> byId = new TreeMap<>();
        archive.forEach(m -> byId.put(m.id(), m));
        return byId;
    }

    @Test
    void thePulledFileImportsThroughTheEngineLikeAnyExport() throws Exception {
        OurImport imported = OurImport.of(pulledFile, DOMAIN);
        assertEquals(1, imported.report().count(UserOutcome.Status.DONE), imported.report().users().toString());
        UserData anna = imported.imported(PeerFill.ANNA);
        assertEquals(OurImport.sorted(fill.rosters().get(PeerFill.ANNA)), OurImport.contacts(anna.roster()));
        assertEquals(Xml.payload(fill.vCard()), anna.vCard());
        assertEquals(OurImport.payloads(fill.pep()), OurImport.pep(anna.pepNodes()));
    }

    @Test
    void directTlsOnItsOwnPortWorksToo() throws Exception {
        RemoteSettings direct = settings().withServer(new ServerAddress(IP, prosody.directTlsPort(), true));
        try (RemoteSession session = connector(direct).connect(anna())) {
            assertEquals(fill.jid(PeerFill.ANNA), session.account().toBareJID());
            assertEquals(4, session.get(null, "query", "jabber:iq:roster", null).elements().size());
        }
    }

    @Test
    void theCommandLinePullsToAFileWithThePasswordFromAFile() throws Exception {
        Path password = prosody.base().resolve("anna.password");
        Files.writeString(password, PeerFill.ANNA_PASSWORD + "\n");
        Path out = prosody.base().resolve("cli-pulled.xml");
        Path storePassword = prosody.base().resolve("store.password");
        Files.writeString(storePassword, TestCertificates.PASSWORD);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = PortabilityCommand.run(new String[] {"pull", fill.jid(PeerFill.ANNA), "-o", out.toString(), "--force",
                "--password-file", password.toString(), "--server", IP + ":" + prosody.address().port(),
                "--trust-store", prosody.certificates().trustStore().toString(),
                "--trust-store-password-file", storePassword.toString(), "--allow-internal-addresses",
                "--private-xml", CUSTOM.toString()}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(ExitCodes.OK, exit, stdout + "\n" + stderr);
        UserData cli = OurImport.of(out, DOMAIN).read().get(PeerFill.ANNA);
        assertEquals(OurImport.contacts(pulled.roster()), OurImport.contacts(cli.roster()));
        assertEquals(pulled.vCard(), cli.vCard());
        assertEquals(OurImport.fragments(pulled.privateXml()), OurImport.fragments(cli.privateXml()));
        assertEquals(OurImport.pep(pulled.pepNodes()), OurImport.pep(cli.pepNodes()));
        assertEquals(byId(pulled.archive()), byId(cli.archive()));
        assertTrue(stdout.toString().contains("message archive: " + (CHATS + 2) + " read"), stdout.toString());
        assertFalse((stdout.toString() + stderr).contains(PeerFill.ANNA_PASSWORD), "the password is never printed");
    }

    // ---------------------------------------------------------------- what goes wrong

    @Test
    void aWrongPasswordIsSaidSoAndNotRepeated() {
        RemoteException e = assertThrows(RemoteException.class,
                () -> connector(settings()).connect(new RemoteLogin(new JID(fill.jid(PeerFill.ANNA)), "not-her-password")));
        assertEquals(RemoteProblem.WRONG_PASSWORD, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("did not accept the password for " + fill.jid(PeerFill.ANNA)), e.getMessage());
        assertFalse(e.getMessage().contains("not-her-password"));
    }

    @Test
    void aCertificateNobodyHereVouchesForIsRefused() {
        RemoteSettings jvmTrustOnly = settings().withTrustStore(null, null);
        RemoteException e = assertThrows(RemoteException.class, () -> connector(jvmTrustOnly).connect(anna()));
        assertEquals(RemoteProblem.TLS_NOT_TRUSTED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("could not prove that it is " + DOMAIN), e.getMessage());
    }

    @Test
    void loopbackIsRefusedUnlessAnAdminAllowsIt() {
        RemoteSettings publicOnly = settings().withAddresses(AddressPolicy.publicOnly());
        RemoteException e = assertThrows(RemoteException.class, () -> connector(publicOnly).connect(anna()));
        assertEquals(RemoteProblem.ADDRESS_REFUSED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(IP + ", a loopback address"), e.getMessage());
    }

    @Test
    void anArchiveBeyondTheBoundEndsWhereItIsAndSaysSo() throws Exception {
        RemoteSettings bounded = settings().withLimits(RemoteLimits.DEFAULT.withMaxArchiveMessages(10));
        Path file = prosody.base().resolve("bounded.xml");
        PullReport bounded10;
        try (RemoteSession session = connector(bounded).connect(anna());
             OutputStream out = Files.newOutputStream(file);
             PieWriter writer = new PieWriter(out)) {
            bounded10 = new AccountPull(session, options(), PullProgress.NONE).pullTo(writer);
            writer.finish();
        }
        assertFalse(bounded10.complete());
        assertEquals(PullReport.Status.INCOMPLETE, bounded10.kind(DataKind.ARCHIVE).status());
        assertTrue(bounded10.kind(DataKind.ARCHIVE).detail().contains("stopped at 10 messages"), bounded10.kind(DataKind.ARCHIVE).detail());
        UserData read = OurImport.of(file, DOMAIN).read().get(PeerFill.ANNA);
        assertEquals(10, read.archive().size(), "the file is whole and holds what arrived");
        assertEquals(OurImport.contacts(pulled.roster()), OurImport.contacts(read.roster()));
    }

    @Test
    void aRosterBeyondTheBoundIsAClearError() throws Exception {
        RemoteSettings bounded = settings().withLimits(RemoteLimits.DEFAULT.withMaxRosterItems(2));
        try (RemoteSession session = connector(bounded).connect(anna())) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> new AccountPull(session, options(), PullProgress.NONE).pullTo(new PieWriter(OutputStream.nullOutputStream())));
            assertEquals(RemoteProblem.TOO_MUCH_DATA, e.problem());
            assertTrue(e.getMessage().contains("a roster of 4 contacts"), e.getMessage());
        }
    }
}

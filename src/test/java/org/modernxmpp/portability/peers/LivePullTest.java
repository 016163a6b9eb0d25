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
import org.modernxmpp.portability.pie.model.XmlPayload;
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
 * The pull against a real server that requires TLS with a certificate from the test's own CA (the subclasses start
 * Prosody and ejabberd): the accounts are filled through a real client, anna is pulled as her own client would read
 * her, and what arrives is compared kind by kind with what was put in; then the failures a person can meet: a wrong
 * password, a certificate nobody vouches for, an address on loopback, bounds. The subclass compares with the server's
 * own export where it has one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LivePullTest {
    /** More than Prosody's max_archive_query_results (200) and the pull's page (250): the archive must be paged. */
    static final int CHATS = 300;
    static final PrivateXmlKeys.Key CUSTOM = new PrivateXmlKeys.Key("settings", "urn:example:custom");

    final PeerFill fill;
    Path pulledFile;
    PullReport report;
    UserData pulled;

    LivePullTest(String domain) {
        this.fill = new PeerFill(domain);
    }

    /** The peer's STARTTLS client port; its CA in {@link #trustStore()}. */
    abstract PeerClient.Address address();

    abstract int directTlsPort();

    abstract Path trustStore();

    /** Where the test writes its files. */
    abstract Path folder();

    /** The vCard in the form compared; a server that re-orders a vCard's children compares unordered. */
    Object comparable(XmlPayload vCard) {
        return vCard;
    }

    /** The fill's PEP items as the server keeps them. */
    Map<String, Map<String, XmlPayload>> pepAsTheServerKeepsIt() {
        return OurImport.payloads(fill.pep());
    }

    /** PEP nodes the server adds of its own to what the fill published. */
    List<String> nodesOfTheServer() {
        return List.of();
    }

    /** What the server shows a client as blocked (a server may add what its privacy lists block). */
    List<String> blockedAsTheServerShowsIt() {
        return PeerFill.BLOCKED;
    }

    /** Fills the accounts (the peer is running), adds {@link #CHATS} chats to anna's archive, and pulls her. */
    void fillAndPull(PeerFill.Peer peer) throws Exception {
        fill.fill(address(), peer);
        try (PeerClient ben = PeerClient.login(address(), PeerFill.BEN, PeerFill.BEN_PASSWORD)) {
            for (int i = 1; i <= CHATS; i++) {
                ben.sendMessage(fill.jid(PeerFill.ANNA), Message.Type.chat, "chat-" + i, null, "Chat " + i + " ☃ & <b>");
            }
            ben.sync();
        }
        pulledFile = folder().resolve("pulled.xml");
        report = pull(settings(), pulledFile);
        pulled = OurImport.of(pulledFile, fill.domain).read().get(PeerFill.ANNA);
    }

    private PullReport pull(RemoteSettings settings, Path file) throws Exception {
        try (RemoteSession session = new RemoteConnector(settings).connect(anna());
             OutputStream out = Files.newOutputStream(file);
             PieWriter writer = new PieWriter(out)) {
            PullReport result = new AccountPull(session, options(), PullProgress.NONE).pullTo(writer);
            writer.finish();
            return result;
        }
    }

    RemoteSettings settings() {
        return RemoteSettings.defaults()
                .withServer(new ServerAddress(address().ip(), address().port(), false))
                .withTrustStore(trustStore(), TestCertificates.PASSWORD)
                .withAddresses(AddressPolicy.allowingInternal())
                .withTimeout(Duration.ofSeconds(10));
    }

    RemoteLogin anna() {
        return new RemoteLogin(new JID(fill.jid(PeerFill.ANNA)), PeerFill.ANNA_PASSWORD);
    }

    static PullOptions options() {
        return PullOptions.everything().withPrivateXml(PrivateXmlKeys.with(List.of(CUSTOM)));
    }

    static Map<String, ArchivedMessage> byId(List<ArchivedMessage> archive) {
        Map<String, ArchivedMessage> byId = new TreeMap<>();
        archive.forEach(m -> byId.put(m.id(), m));
        return byId;
    }

    // ---------------------------------------------------------------- what arrives

    @Test
    void theReportSaysWhatArrivedAndWhatNoClientCanRead() {
        assertTrue(report.complete(), String.join("\n", report.lines()));
        assertEquals(4, report.kind(DataKind.ROSTER).count());
        assertEquals(4 + nodesOfTheServer().size(), report.kind(DataKind.PEP).count());
        assertTrue(report.notReadable().stream().anyMatch(line -> line.startsWith("offline messages")), report.notReadable().toString());
        assertTrue(report.kind(DataKind.PRIVATE_XML).detail().contains("storage:bookmarks, urn:example:custom"),
                report.kind(DataKind.PRIVATE_XML).detail());
    }

    @Test
    void rosterKeepsNamesGroupsSubscriptionsAndAsks() {
        assertEquals(OurImport.sorted(fill.rosters().get(PeerFill.ANNA)), OurImport.contacts(pulled.roster()));
    }

    @Test
    void vCardArrivesWholeWithItsPhoto() {
        assertEquals(comparable(Xml.payload(fill.vCard())), comparable(pulled.vCard()));
    }

    @Test
    void privateXmlArrivesForEveryNamespaceAskedFor() {
        Map<String, ?> expected = OurImport.fragments(fill.privateXml().stream().map(Xml::payload).toList());
        assertEquals(expected, OurImport.fragments(pulled.privateXml()));
    }

    @Test
    void everyPepNodeArrivesWithItsItemsAndAccessModel() {
        Map<String, Map<String, XmlPayload>> nodes = OurImport.pep(pulled.pepNodes());
        assertEquals(nodesOfTheServer(), nodes.keySet().stream().filter(node -> !fill.pep().containsKey(node)).toList());
        nodes.keySet().retainAll(fill.pep().keySet());
        assertEquals(pepAsTheServerKeepsIt(), nodes);
        var bookmarks = pulled.pepNodes().stream().filter(n -> n.node().equals(PeerFill.NODE_BOOKMARKS)).findFirst().orElseThrow();
        assertNotNull(bookmarks.configuration(), "the owner may read the configuration");
        assertTrue(bookmarks.configuration().canonicalForm().contains("whitelist"), bookmarks.configuration().canonicalForm());
    }

    @Test
    void blocklistArrives() {
        assertEquals(blockedAsTheServerShowsIt(), pulled.blocklist().stream().map(JID::toString).sorted().toList());
    }

    @Test
    void theWholeArchiveArrivesPaged() {
        assertEquals(CHATS + fill.offlineMessages().size(), pulled.archive().size());
        assertEquals(pulled.archive().size(), byId(pulled.archive()).size(), "no message twice");
        Map<String, PeerFill.OfflineMessage> seen = new TreeMap<>();
        pulled.archive().forEach(m -> seen.put(Messages.seen(m.message()).id(), Messages.seen(m.message())));
        for (PeerFill.OfflineMessage sent : fill.offlineMessages()) {
            assertEquals(sent, seen.get(sent.id()));
        }
        assertEquals("Chat 300 ☃ & <b>", seen.get("chat-300").body());
    }

    @Test
    void thePulledFileImportsThroughTheEngineLikeAnyExport() throws Exception {
        OurImport imported = OurImport.of(pulledFile, fill.domain);
        assertEquals(1, imported.report().count(UserOutcome.Status.DONE), imported.report().users().toString());
        UserData anna = imported.imported(PeerFill.ANNA);
        assertEquals(OurImport.sorted(fill.rosters().get(PeerFill.ANNA)), OurImport.contacts(anna.roster()));
        assertEquals(comparable(Xml.payload(fill.vCard())), comparable(anna.vCard()));
        assertEquals(OurImport.pep(pulled.pepNodes()), OurImport.pep(anna.pepNodes()));
    }

    @Test
    void directTlsOnItsOwnPortWorksToo() throws Exception {
        RemoteSettings direct = settings().withServer(new ServerAddress(address().ip(), directTlsPort(), true));
        try (RemoteSession session = new RemoteConnector(direct).connect(anna())) {
            assertEquals(fill.jid(PeerFill.ANNA), session.account().toBareJID());
            assertEquals(4, session.get(null, "query", "jabber:iq:roster", null).elements().size());
        }
    }

    @Test
    void theCommandLinePullsToAFileWithThePasswordFromAFile() throws Exception {
        Path password = folder().resolve("anna.password");
        Files.writeString(password, PeerFill.ANNA_PASSWORD + "\n");
        Path out = folder().resolve("cli-pulled.xml");
        Path storePassword = folder().resolve("store.password");
        Files.writeString(storePassword, TestCertificates.PASSWORD);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = PortabilityCommand.run(new String[] {"pull", fill.jid(PeerFill.ANNA), "-o", out.toString(), "--force",
                "--password-file", password.toString(), "--server", address().ip() + ":" + address().port(),
                "--trust-store", trustStore().toString(), "--trust-store-password-file", storePassword.toString(),
                "--allow-internal-addresses", "--private-xml", CUSTOM.toString()},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(ExitCodes.OK, exit, stdout + "\n" + stderr);
        UserData cli = OurImport.of(out, fill.domain).read().get(PeerFill.ANNA);
        assertEquals(OurImport.contacts(pulled.roster()), OurImport.contacts(cli.roster()));
        assertEquals(pulled.vCard(), cli.vCard());
        assertEquals(OurImport.fragments(pulled.privateXml()), OurImport.fragments(cli.privateXml()));
        assertEquals(OurImport.pep(pulled.pepNodes()), OurImport.pep(cli.pepNodes()));
        assertEquals(byId(pulled.archive()).keySet(), byId(cli.archive()).keySet());
        assertTrue(stdout.toString().contains("message archive: " + (CHATS + 2) + " read"), stdout.toString());
        assertFalse((stdout.toString() + stderr).contains(PeerFill.ANNA_PASSWORD), "the password is never printed");
    }

    // ---------------------------------------------------------------- what goes wrong

    @Test
    void aWrongPasswordIsSaidSoAndNotRepeated() {
        RemoteException e = assertThrows(RemoteException.class,
                () -> new RemoteConnector(settings()).connect(new RemoteLogin(new JID(fill.jid(PeerFill.ANNA)), "not-her-password")));
        assertEquals(RemoteProblem.WRONG_PASSWORD, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("did not accept the password for " + fill.jid(PeerFill.ANNA)), e.getMessage());
        assertFalse(e.getMessage().contains("not-her-password"));
    }

    @Test
    void aCertificateNobodyHereVouchesForIsRefused() {
        RemoteSettings jvmTrustOnly = settings().withTrustStore(null, null);
        RemoteException e = assertThrows(RemoteException.class, () -> new RemoteConnector(jvmTrustOnly).connect(anna()));
        assertEquals(RemoteProblem.TLS_NOT_TRUSTED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("could not prove that it is " + fill.domain), e.getMessage());
    }

    @Test
    void loopbackIsRefusedUnlessAnAdminAllowsIt() {
        RemoteSettings publicOnly = settings().withAddresses(AddressPolicy.publicOnly());
        RemoteException e = assertThrows(RemoteException.class, () -> new RemoteConnector(publicOnly).connect(anna()));
        assertEquals(RemoteProblem.ADDRESS_REFUSED, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(address().ip() + ", a loopback address"), e.getMessage());
    }

    @Test
    void anArchiveBeyondTheBoundEndsWhereItIsAndSaysSo() throws Exception {
        Path file = folder().resolve("bounded.xml");
        PullReport bounded = pull(settings().withLimits(RemoteLimits.DEFAULT.withMaxArchiveMessages(10)), file);
        assertFalse(bounded.complete());
        assertEquals(PullReport.Status.INCOMPLETE, bounded.kind(DataKind.ARCHIVE).status());
        assertTrue(bounded.kind(DataKind.ARCHIVE).detail().contains("stopped at 10 messages"), bounded.kind(DataKind.ARCHIVE).detail());
        UserData read = OurImport.of(file, fill.domain).read().get(PeerFill.ANNA);
        assertEquals(10, read.archive().size(), "the file is whole and holds what arrived");
        assertEquals(OurImport.contacts(pulled.roster()), OurImport.contacts(read.roster()));
    }

    @Test
    void aRosterBeyondTheBoundIsAClearError() throws Exception {
        RemoteSettings bounded = settings().withLimits(RemoteLimits.DEFAULT.withMaxRosterItems(2));
        try (RemoteSession session = new RemoteConnector(bounded).connect(anna())) {
            RemoteException e = assertThrows(RemoteException.class,
                    () -> new AccountPull(session, options(), PullProgress.NONE).pullTo(new PieWriter(OutputStream.nullOutputStream())));
            assertEquals(RemoteProblem.TOO_MUCH_DATA, e.problem());
            assertTrue(e.getMessage().contains("a roster of 4 contacts"), e.getMessage());
        }
    }
}

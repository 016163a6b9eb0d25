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
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.AccountPush;
import org.modernxmpp.portability.remote.AccountSnapshot;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.MovedNotices;
import org.modernxmpp.portability.remote.PrivateXmlKeys;
import org.modernxmpp.portability.remote.PullOptions;
import org.modernxmpp.portability.remote.PullProgress;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.PushResult;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteException;
import org.modernxmpp.portability.remote.RemoteLimits;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteProblem;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.remote.ServerAddress;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.KindOutcome;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.transfer.TransferReport;
import org.modernxmpp.portability.transfer.UserOutcome;
import org.xmpp.packet.JID;

/**
 * The pull from, and the push into, a real server. The pull: against a real server that requires TLS with a certificate from the test's own CA (the subclasses start
 * Prosody and ejabberd): the accounts are filled through a real client, anna is pulled as her own client would read
 * her, and what arrives is compared kind by kind with what was put in; then the failures a person can meet: a wrong
 * password, a certificate nobody vouches for, an address on loopback, bounds. The subclass compares with the server's
 * own export where it has one. The push: the pulled file goes into the fresh account dora, first as a dry run, then for
 * real, then again (which must change nothing), and dora is read back as her own client and compared kind by kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LiveRemoteAccountTest {
    /** More than Prosody's max_archive_query_results (200) and the pull's page (250): the archive must be paged. */
    static final int CHATS = 300;
    static final PrivateXmlKeys.Key CUSTOM = new PrivateXmlKeys.Key("settings", "urn:example:custom");

    final PeerFill fill;
    Path pulledFile;
    PullReport report;
    UserData pulled;

    LiveRemoteAccountTest(String domain) {
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

    // ---------------------------------------------------------------- telling the contacts from the new account

    @Test
    void theNewAccountAsksEachContactNamingTheOldAddressAndNeverTwice() throws Exception {
        JID old = new JID("juliet@capulet.example");
        List<JID> contacts = List.of(new JID(fill.jid(PeerFill.BEN)), new JID(fill.jid(PeerFill.CLEO)));
        try (AutoCloseable parsesMoved = MovedElement.install();
             PeerClient ben = PeerClient.login(address(), PeerFill.BEN, PeerFill.BEN_PASSWORD);
             RemoteSession frank = new RemoteConnector(settings()).connect(
                     new RemoteLogin(new JID(fill.jid(PeerFill.FRANK)), PeerFill.FRANK_PASSWORD))) {
            List<PeerClient.Request> requests = ben.watchRequests();
            List<JID> heard = new java.util.ArrayList<>();
            MovedNotices notices = new MovedNotices(frank, Duration.ofMillis(20));

            MovedNotices.Result first = notices.tell(contacts, old, (contact, done, total) -> heard.add(contact));

            assertEquals(contacts, first.asked());
            assertEquals(contacts, heard);
            for (int i = 0; i < 100 && requests.isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(List.of(new PeerClient.Request(fill.jid(PeerFill.FRANK), old.toBareJID())), requests,
                    "ben receives the request with <moved/> intact");

            MovedNotices.Result again = notices.tell(contacts, old, MovedNotices.Listener.NONE);
            assertEquals(List.of(), again.asked(), "a repeated run asks nobody twice");
            assertEquals(contacts, again.alreadyAsked());
        }
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

    // ---------------------------------------------------------------- the push

    /** What the push into dora did, run once for the tests that look at it. */
    record Pushed(PushResult dryRun, AccountSnapshot afterDryRun, PushResult report, PushResult again, AccountSnapshot after) {
    }

    private Pushed pushed;

    Pushed pushed() throws Exception {
        if (pushed == null) {
            RemoteLogin dora = new RemoteLogin(new JID(fill.jid(PeerFill.DORA)), PeerFill.DORA_PASSWORD);
            PushResult dryRun;
            PushResult report;
            PushResult again;
            AccountSnapshot afterDryRun;
            try (RemoteSession session = new RemoteConnector(settings()).connect(dora)) {
                dryRun = push(session, ImportOptions.mergeAll().withDryRun(true));
                afterDryRun = new AccountPull(session, options(), PullProgress.NONE).read();
                report = push(session, ImportOptions.mergeAll());
            }
            try (RemoteSession session = new RemoteConnector(settings()).connect(dora)) {
                again = push(session, ImportOptions.mergeAll());
            }
            AccountSnapshot after;
            try (RemoteSession session = new RemoteConnector(settings()).connect(dora)) {
                after = new AccountPull(session, options(), PullProgress.NONE).read();
            }
            pushed = new Pushed(dryRun, afterDryRun, report, again, after);
        }
        return pushed;
    }

    private PushResult push(RemoteSession session, ImportOptions options) throws Exception {
        return push(session, pulledFile, options);
    }

    private static PushResult push(RemoteSession session, Path file, ImportOptions options) throws Exception {
        return new AccountPush(session, new TransferProgress()).push(file, ReadLimits.DEFAULT, options);
    }

    private static UserOutcome only(PushResult result) {
        assertEquals(1, result.report().users().size(), result.report().users().toString());
        return result.report().users().get(0);
    }

    private static KindOutcome kind(UserOutcome user, DataKind kind) {
        return user.kinds().stream().filter(k -> k.kind() == kind).findFirst().orElseThrow(() -> new AssertionError(kind + " in " + user));
    }

    /** Who, with which name and groups: what a client can give a contact (the subscription is the contact's to give). */
    static List<PeerFill.Contact> namesAndGroups(List<RosterItem> roster) {
        return OurImport.contacts(roster).stream().map(c -> new PeerFill.Contact(c.jid(), c.name(), "none", false, c.groups())).toList();
    }

    @Test
    void aDryRunSaysWhatWouldArriveAndWritesNothing() throws Exception {
        UserOutcome planned = only(pushed().dryRun());
        assertTrue(pushed().dryRun().report().dryRun());
        assertEquals(UserOutcome.Status.DONE, planned.status(), planned.toString());
        assertEquals(fill.jid(PeerFill.DORA), planned.target());
        assertEquals(4, kind(planned, DataKind.ROSTER).changes(), kind(planned, DataKind.ROSTER).toString());
        assertEquals(KindOutcome.Result.CREATED, kind(planned, DataKind.VCARD).result());
        assertEquals(List.of(), pushed().afterDryRun().data().roster());
        assertEquals(null, pushed().afterDryRun().data().vCard());
        // the real push that followed found dora as empty as before: its report has the same changes
        UserOutcome done = only(pushed().report());
        for (DataKind each : List.of(DataKind.ROSTER, DataKind.VCARD, DataKind.PRIVATE_XML, DataKind.BLOCKLIST)) {
            assertEquals(kind(planned, each).changes(), kind(done, each).changes(), each.toString());
        }
    }

    @Test
    void everyKindAClientCanWriteArrivesInTheFreshAccount() throws Exception {
        UserOutcome done = only(pushed().report());
        assertEquals(UserOutcome.Status.DONE, done.status(), done.toString());
        assertEquals(List.of(), pushed().report().notThere(), "the account read again holds everything written");
        assertTrue(pushed().report().complete());
        UserData dora = pushed().after().data();
        assertEquals(namesAndGroups(pulled.roster()), OurImport.contacts(dora.roster()), "contacts with names and groups, no subscription yet");
        assertEquals(comparable(pulled.vCard()), comparable(dora.vCard()), "vCard with its photo");
        assertEquals(OurImport.fragments(pulled.privateXml()), OurImport.fragments(dora.privateXml()), "private XML");
        assertEquals(OurImport.pep(pulled.pepNodes()), OurImport.pep(dora.pepNodes()), "PEP nodes and items");
        assertEquals(pulled.blocklist().stream().map(JID::toString).sorted().toList(),
                dora.blocklist().stream().map(JID::toString).sorted().toList(), "blocklist");
        assertEquals(pulled.privacy(), dora.privacy(), "privacy lists");
    }

    @Test
    void aPrivateNodeStaysPrivate() throws Exception {
        PepNode bookmarks = pushed().after().data().pepNodes().stream().filter(n -> n.node().equals(PeerFill.NODE_BOOKMARKS))
                .findFirst().orElseThrow();
        assertNotNull(bookmarks.configuration());
        assertTrue(bookmarks.configuration().canonicalForm().contains("whitelist"), bookmarks.configuration().canonicalForm());
    }

    @Test
    void aSecondPushChangesNothing() throws Exception {
        UserOutcome again = only(pushed().again());
        assertEquals(UserOutcome.Status.DONE, again.status(), again.toString());
        assertEquals(List.of(), again.kinds().stream().filter(k -> k.changes() > 0).toList(), "nothing twice");
    }

    @Test
    void theReportSaysWhatNoClientCanWrite() throws Exception {
        List<String> notes = pushed().report().report().notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("subscriptions: contacts arrive with their names and groups")), notes.toString());
        KindOutcome archive = kind(only(pushed().report()), DataKind.ARCHIVE);
        assertEquals(KindOutcome.Result.SKIPPED, archive.result());
        assertTrue(archive.details().get(0).startsWith((CHATS + 2) + " archived messages are not imported"), archive.toString());
    }

    @Test
    void theCommandLinePushesWithADryRunFirst() throws Exception {
        Path password = folder().resolve("cleo.password");
        Files.writeString(password, PeerFill.CLEO_PASSWORD + "\n");
        Path storePassword = folder().resolve("store.password");
        Files.writeString(storePassword, TestCertificates.PASSWORD);
        List<String> common = List.of(pulledFile.toString(), fill.jid(PeerFill.CLEO), "--password-file", password.toString(),
                "--server", address().ip() + ":" + address().port(), "--trust-store", trustStore().toString(),
                "--trust-store-password-file", storePassword.toString(), "--allow-internal-addresses", "--skip", "roster,pep");
        Cli dry = Cli.run("push", common, "--dry-run");
        assertEquals(ExitCodes.OK, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("Dry run: nothing was written"), dry.out());
        UserData before;
        try (RemoteSession session = new RemoteConnector(settings()).connect(new RemoteLogin(new JID(fill.jid(PeerFill.CLEO)), PeerFill.CLEO_PASSWORD))) {
            before = new AccountPull(session, options(), PullProgress.NONE).read().data();
        }
        assertEquals(null, before.vCard(), "the dry run wrote nothing");
        Cli real = Cli.run("push", common);
        assertEquals(ExitCodes.OK, real.exit(), real.toString());
        UserData cleo;
        try (RemoteSession session = new RemoteConnector(settings()).connect(new RemoteLogin(new JID(fill.jid(PeerFill.CLEO)), PeerFill.CLEO_PASSWORD))) {
            cleo = new AccountPull(session, options(), PullProgress.NONE).read().data();
        }
        assertEquals(comparable(pulled.vCard()), comparable(cleo.vCard()));
        assertEquals(OurImport.fragments(pulled.privateXml()), OurImport.fragments(cleo.privateXml()));
        assertFalse((real.out() + real.err()).contains(PeerFill.CLEO_PASSWORD), "the password is never printed");
    }

    /** A PEP node's configuration form, submitted: FORM_TYPE and these fields. */
    static XmlPayload form(String... fieldsAndValues) {
        StringBuilder xml = new StringBuilder("<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                + "<value>http://jabber.org/protocol/pubsub#node_config</value></field>");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            xml.append("<field var='").append(fieldsAndValues[i]).append("'><value>").append(fieldsAndValues[i + 1]).append("</value></field>");
        }
        return Xml.payload(xml.append("</x>").toString());
    }

    /**
     * Configurations another server wrote that this one may not take: a field it does not know next to a whitelist,
     * and an access model it has never heard of. Whatever the server takes, nothing may be seen by more people than
     * before: the whitelist node arrives whitelisted, and the odd node is either kept as odd or not written at all.
     */
    @Test
    void aConfigurationTheServerRefusesNeverWidensWhoSeesANode() throws Exception {
        PepNode kept = new PepNode("urn:example:diary:0", form("pubsub#access_model", "whitelist", "urn:example#colour", "blue",
                "pubsub#max_items", "max"), List.of(), List.of(), List.of(new PepItem("day-1", Xml.payload("<entry xmlns='urn:example:diary:0'>Dear diary</entry>"))));
        PepNode odd = new PepNode("urn:example:secret:0", form("pubsub#access_model", "made-up-model"), List.of(), List.of(),
                List.of(new PepItem("s-1", Xml.payload("<secret xmlns='urn:example:secret:0'>only for the made-up few</secret>"))));
        UserData frank = UserData.builder(PeerFill.FRANK).pepNode(kept).pepNode(odd).build();
        Path file = folder().resolve("odd-nodes.xml");
        try (OutputStream out = Files.newOutputStream(file); PieWriter writer = new PieWriter(out)) {
            writer.writeUser(new JID(fill.domain), frank);
        }
        RemoteLogin login = new RemoteLogin(new JID(fill.jid(PeerFill.FRANK)), PeerFill.FRANK_PASSWORD);
        PushResult result;
        UserData read;
        try (RemoteSession session = new RemoteConnector(settings()).connect(login)) {
            result = push(session, file, ImportOptions.mergeAll());
            read = new AccountPull(session, options(), PullProgress.NONE).read().data();
        }
        StringWriter text = new StringWriter();
        org.modernxmpp.portability.transfer.ReportText.write(result.report(), new PrintWriter(text, true));
        Map<String, PepNode> nodes = new TreeMap<>();
        read.pepNodes().forEach(n -> nodes.put(n.node(), n));
        PepNode diary = nodes.get(kept.node());
        assertNotNull(diary, text.toString());
        assertEquals(List.of("day-1"), diary.items().stream().map(PepItem::id).toList(), text.toString());
        assertTrue(diary.configuration().canonicalForm().contains("whitelist"), diary.configuration().canonicalForm());
        PepNode secret = nodes.get(odd.node());
        if (secret != null && !secret.items().isEmpty()) {
            assertTrue(secret.configuration().canonicalForm().contains("made-up-model"),
                    "published only where the server keeps the odd model: " + secret.configuration().canonicalForm() + "\n" + text);
        } else {
            assertEquals(null, secret, "no empty node left with the server's defaults:\n" + text);
            assertFalse(result.complete(), "the person hears that the node did not arrive:\n" + text);
        }
    }

    /** One run of the command line tool. */
    record Cli(int exit, String out, String err) {
        static Cli run(String command, List<String> arguments, String... more) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(arguments);
            args.addAll(List.of(more));
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exit = PortabilityCommand.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            return new Cli(exit, stdout.toString(), stderr.toString());
        }
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

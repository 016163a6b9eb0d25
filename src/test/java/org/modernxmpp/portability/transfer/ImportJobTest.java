package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.transfer.TransferFixtures.export;
import static org.modernxmpp.portability.transfer.TransferFixtures.importInto;
import static org.modernxmpp.portability.transfer.TransferFixtures.kind;
import static org.modernxmpp.portability.transfer.TransferFixtures.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.ScramCredentials;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/** Import into in-memory ports: every kind through every policy, dry run, host rewrite, failures, cancel. */
class ImportJobTest {
    private static final String DOMAIN = "capulet.example";

    private static UserData juliet() {
        SyntheticExport generator = new SyntheticExport(11);
        return generator.user("juliet", new SyntheticExport.Shape(6, 300, 3, 3, 2)).toBuilder()
                .rosterItem(new RosterItem(new JID("nurse@capulet.example"), "Nurse", RosterItem.Subscription.BOTH, List.of("Family")))
                .build();
    }

    private static RosterItem item(String jid, String name, RosterItem.Subscription subscription, String... groups) {
        return new RosterItem(new JID(jid), name, subscription, List.of(groups));
    }

    @Test
    void exportThenImportIntoAnEmptyServerRecreatesEveryKind() throws Exception {
        InMemoryServer source = new InMemoryServer(DOMAIN);
        SyntheticExport generator = new SyntheticExport(5);
        List<UserData> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UserData user = generator.user("user" + i, new SyntheticExport.Shape(8, 200, 2, 3, 2));
            users.add(user);
            source.seed(user);
        }
        byte[] file = export(source, ExportOptions.everything().withCredentials(true));
        InMemoryServer target = new InMemoryServer(DOMAIN);

        TransferReport report = importInto(target, file, ImportOptions.mergeAll());

        assertEquals(8, report.count(UserOutcome.Status.DONE));
        for (UserData original : users) {
            UserData imported = target.snapshot(original.name());
            List<ScramCredentials> sha1 = original.scram().stream().filter(s -> s.mechanism().equals("SCRAM-SHA-1")).toList();
            assertEquals(withoutArchiveAndCredentials(original), withoutArchiveAndCredentials(imported), original.name());
            if (original.password() != null) {
                assertEquals(original.password(), imported.password());
            } else {
                assertEquals(sha1, imported.scram(), "SCRAM-SHA-1 hashes are stored as they are");
            }
            UserOutcome outcome = user(report, original.name() + "@" + DOMAIN);
            assertEquals(KindOutcome.Result.CREATED, kind(outcome, DataKind.ACCOUNT).result());
            assertEquals(KindOutcome.Result.SKIPPED, kind(outcome, DataKind.ARCHIVE).result());
        }
    }

    /**
     * The kinds an import carries over. An account without details counts as one with empty details, and the active
     * privacy list is not carried: XEP-0016 makes it a choice of one session, not a stored setting.
     */
    private static UserData withoutArchiveAndCredentials(UserData user) {
        AccountDetails none = new AccountDetails(null, null, null, null, Map.of());
        UserData.Builder b = UserData.builder(user.name()).account(none.equals(user.account()) ? null : user.account());
        user.roster().forEach(b::rosterItem);
        user.pendingSubscriptions().forEach(b::pendingSubscription);
        b.vCard(user.vCard());
        user.privateXml().forEach(b::privateXml);
        user.offlineMessages().forEach(b::offlineMessage);
        user.pepNodes().forEach(b::pepNode);
        b.privacy(user.privacy() == null ? null
                : new org.modernxmpp.portability.pie.model.PrivacyLists(user.privacy().defaultList(), null, user.privacy().lists()));
        user.blocklist().forEach(b::blocked);
        return b.build();
    }

    @Test
    void dryRunWritesNothingAndReportsWhatARealRunDoes() throws Exception {
        byte[] file = export(DOMAIN, List.of(juliet()));
        InMemoryServer dry = new InMemoryServer(DOMAIN);
        InMemoryServer real = new InMemoryServer(DOMAIN);

        TransferReport planned = importInto(dry, file, ImportOptions.mergeAll().withDryRun(true));
        TransferReport done = importInto(real, file, ImportOptions.mergeAll());

        assertEquals(0, dry.writes());
        assertTrue(dry.usernames().isEmpty());
        assertTrue(planned.dryRun());
        assertEquals(done.users(), planned.users(), "a dry run reports exactly what the real run then does");
        assertTrue(real.writes() > 0);
    }

    @Test
    void mergeAddsWhatIsMissingAndKeepsWhatIsThere() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        XmlPayload ownVCard = juliet().toBuilder().build().vCard();
        server.seed(UserData.builder("juliet").password("kept")
                .rosterItem(item("romeo@montague.example", "My Romeo", RosterItem.Subscription.BOTH, "Lovers"))
                .vCard(XmlPayload.of(org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get("vCard", "vcard-temp"))))
                .build());
        UserData file = UserData.builder("juliet").password("other")
                .rosterItem(item("romeo@montague.example", "Romeo", RosterItem.Subscription.NONE, "Montague"))
                .rosterItem(item("tybalt@capulet.example", "Tybalt", RosterItem.Subscription.TO, "Family"))
                .rosterItem(item("juliet@capulet.example", "Me", RosterItem.Subscription.BOTH))
                .vCard(ownVCard)
                .build();

        TransferReport report = importInto(server, export(DOMAIN, List.of(file)), ImportOptions.mergeAll());

        UserData after = server.snapshot("juliet");
        assertEquals(List.of(item("romeo@montague.example", "My Romeo", RosterItem.Subscription.BOTH, "Lovers", "Montague"),
                item("tybalt@capulet.example", "Tybalt", RosterItem.Subscription.TO, "Family")), after.roster());
        assertEquals("kept", after.password(), "an existing account keeps its password");
        assertTrue(after.vCard().element().elements().isEmpty(), "merge keeps the account's own profile");
        UserOutcome juliet = user(report, "juliet@capulet.example");
        assertEquals(new KindOutcome(DataKind.ROSTER, KindOutcome.Result.MERGED, 2, List.of(
                "add groups or name to romeo@montague.example", "add tybalt@capulet.example",
                "skipped an item for the account's own address juliet@capulet.example")), kind(juliet, DataKind.ROSTER));
        assertEquals(new KindOutcome(DataKind.VCARD, KindOutcome.Result.UNCHANGED, 0,
                List.of("the account has a different profile, which merge keeps")), kind(juliet, DataKind.VCARD));
        assertEquals(List.of("the account exists: its password is kept"), kind(juliet, DataKind.ACCOUNT).details());
    }

    @Test
    void replaceMakesEachKindEqualTheFile() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        PepNode oldNode = new PepNode("urn:example:n", null, List.of(), List.of(), List.of(new PepItem("old", null)));
        server.seed(UserData.builder("juliet").password("kept")
                .rosterItem(item("paris@verona.example", "Paris", RosterItem.Subscription.BOTH))
                .rosterItem(item("romeo@montague.example", "My Romeo", RosterItem.Subscription.BOTH, "Lovers"))
                .pepNode(oldNode).build());
        PepNode newNode = new PepNode("urn:example:n", null, List.of(), List.of(), List.of(new PepItem("new", null)));
        UserData file = UserData.builder("juliet")
                .rosterItem(item("romeo@montague.example", "Romeo", RosterItem.Subscription.NONE, "Montague"))
                .pepNode(newNode).build();
        ImportOptions replace = ImportOptions.mergeAll().withPolicy(DataKind.ROSTER, KindPolicy.REPLACE)
                .withPolicy(DataKind.PEP, KindPolicy.REPLACE);

        TransferReport report = importInto(server, export(DOMAIN, List.of(file)), replace);

        UserData after = server.snapshot("juliet");
        assertEquals(file.roster(), after.roster());
        assertEquals(List.of(newNode), after.pepNodes());
        UserOutcome juliet = user(report, "juliet@capulet.example");
        assertEquals(KindOutcome.Result.REPLACED, kind(juliet, DataKind.ROSTER).result());
        assertEquals(List.of("replace romeo@montague.example", "remove paris@verona.example"), kind(juliet, DataKind.ROSTER).details());
    }

    @Test
    void skipLeavesAKindAlone() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);

        TransferReport report = importInto(server, export(DOMAIN, List.of(juliet())),
                ImportOptions.mergeAll().withPolicy(DataKind.ROSTER, KindPolicy.SKIP));

        assertEquals(List.of(), server.snapshot("juliet").roster());
        assertEquals(new KindOutcome(DataKind.ROSTER, KindOutcome.Result.SKIPPED, 0, List.of("switched off for this import")),
                kind(user(report, "juliet@capulet.example"), DataKind.ROSTER));
    }

    @Test
    void usersOfAnotherHostAreSkippedUnlessHostsAreRewritten() throws Exception {
        UserData romeo = UserData.builder("romeo").password("pw")
                .rosterItem(item("juliet@old.example", "Juliet", RosterItem.Subscription.BOTH))
                .rosterItem(item("friar@church.example", "Friar", RosterItem.Subscription.TO)).build();
        byte[] file = export("old.example", List.of(romeo));
        InMemoryServer server = new InMemoryServer(DOMAIN);

        TransferReport refused = importInto(server, file, ImportOptions.mergeAll());
        TransferReport rewritten = importInto(server, file, ImportOptions.mergeAll().withRewriteHosts(true));

        assertEquals(new UserOutcome("romeo@old.example", "romeo@old.example", UserOutcome.Status.SKIPPED,
                "host old.example is not this server's domain capulet.example (switch on the host rewrite to import it here)",
                List.of()), refused.users().get(0));
        assertEquals(UserOutcome.Status.DONE, user(rewritten, "romeo@capulet.example").status());
        assertEquals(List.of("juliet@capulet.example", "friar@church.example"),
                server.snapshot("romeo").roster().stream().map(i -> i.jid().toString()).toList());
    }

    @Test
    void aUserFailingHalfWayIsReportedAndTheNextOneIsImported() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        server.failWrites("vcard", "juliet");
        UserData nurse = UserData.builder("nurse").password("pw").build();

        TransferReport report = importInto(server, export(DOMAIN, List.of(juliet(), nurse)), ImportOptions.mergeAll());

        UserOutcome juliet = user(report, "juliet@capulet.example");
        assertEquals(UserOutcome.Status.FAILED, juliet.status());
        assertEquals("writing profile (vCard) failed; see the details", juliet.problem());
        assertEquals(KindOutcome.Result.CREATED, kind(juliet, DataKind.ACCOUNT).result());
        assertEquals(KindOutcome.Result.CREATED, kind(juliet, DataKind.ROSTER).result());
        KindOutcome vCard = kind(juliet, DataKind.VCARD);
        assertEquals(KindOutcome.Result.FAILED, vCard.result());
        assertEquals(List.of("failed: set the profile: the store refused to write vcard of juliet"), vCard.details());
        assertEquals(List.of("not written after the failure in profile (vCard)"), kind(juliet, DataKind.PRIVATE_XML).details());
        assertEquals(7, server.snapshot("juliet").roster().size(), "what was written before the failure stays");
        assertEquals(List.of(), server.snapshot("juliet").privateXml());
        assertEquals(UserOutcome.Status.DONE, user(report, "nurse@capulet.example").status());
    }

    @Test
    void aCancelledImportStopsBetweenUsers() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        TransferProgress progress = new TransferProgress();
        progress.cancel();

        TransferReport report = importInto(server, export(DOMAIN, List.of(juliet())), ImportOptions.mergeAll(), progress);

        assertTrue(report.wasCancelled());
        assertEquals(List.of(), report.users());
        assertEquals(0, server.writes());
    }

    @Test
    void accountsGetTheStrongestUsableCredentialsAndNeverAGuess() throws Exception {
        ScramCredentials sha1 = new ScramCredentials("SCRAM-SHA-1", 4096, new byte[16], new byte[20], new byte[20]);
        ScramCredentials sha256 = new ScramCredentials("SCRAM-SHA-256", 4096, new byte[16], new byte[32], new byte[32]);
        List<UserData> users = List.of(
                UserData.builder("plain").password("secret").build(),
                UserData.builder("hashed").scram(sha1).scram(sha256).build(),
                UserData.builder("sha256only").scram(sha256).build(),
                UserData.builder("nothing").build(),
                UserData.builder("echo").password("echo").build());
        InMemoryServer server = new InMemoryServer(DOMAIN);

        TransferReport report = importInto(server, export(DOMAIN, users), ImportOptions.mergeAll());

        assertEquals("secret", server.snapshot("plain").password());
        assertEquals(List.of(sha1), server.snapshot("hashed").scram());
        assertNull(server.snapshot("hashed").password());
        assertEquals(List.of("sha256only@capulet.example", "nothing@capulet.example", "echo@capulet.example"), report.passwordResets());
        assertTrue(!"echo".equals(server.snapshot("echo").password()), "the username is never used as the password");
        assertEquals(List.of("the file has only [SCRAM-SHA-256] credentials, which this server cannot use: the account needs a password reset"),
                kind(user(report, "sha256only@capulet.example"), DataKind.ACCOUNT).details().subList(1, 2));
    }

    @Test
    void hashesTheServerCannotStoreMeanARandomPasswordAndAReset() throws Exception {
        ScramCredentials longSalt = new ScramCredentials("SCRAM-SHA-1", 4096, new byte[36], new byte[20], new byte[20]);
        InMemoryServer server = new InMemoryServer(DOMAIN);
        server.maxSaltBytes(24);

        TransferReport report = importInto(server, export(DOMAIN, List.of(UserData.builder("tybalt").scram(longSalt).build())),
                ImportOptions.mergeAll());

        assertEquals(List.of(), server.snapshot("tybalt").scram(), "nothing half-stored");
        assertEquals(List.of("tybalt@capulet.example"), report.passwordResets());
        assertEquals("the file's SCRAM-SHA-1 credentials cannot be stored by this server as they are: the account needs a password reset",
                kind(user(report, "tybalt@capulet.example"), DataKind.ACCOUNT).details().get(1));
    }

    @Test
    void intoAnAccountTheFilesUserBecomesThatAccountAndItsContactsKeepTheirAddresses() throws Exception {
        UserData juliet = UserData.builder("juliet")
                .rosterItem(new RosterItem(new JID("romeo@old.example"), "Romeo", RosterItem.Subscription.BOTH, List.of("Lovers")))
                .rosterItem(new RosterItem(new JID("juliet@old.example"), "me", RosterItem.Subscription.BOTH, List.of()))
                .pepNode(new PepNode("urn:xmpp:bookmarks:1", null,
                        List.of(new org.modernxmpp.portability.pie.model.Affiliation(new JID("juliet@old.example"), "owner")),
                        List.of(), List.of(new PepItem("lounge@conference.old.example", null))))
                .build();
        UserData nurse = UserData.builder("nurse").password("pw").build();
        InMemoryServer server = new InMemoryServer(DOMAIN);
        server.seed(UserData.builder("jules").password("own").build());

        TransferReport report = importInto(server, export("old.example", List.of(juliet, nurse)),
                ImportOptions.mergeAll().withIntoAccount("jules"));

        UserData jules = server.snapshot("jules");
        assertEquals(List.of(new JID("romeo@old.example")), jules.roster().stream().map(RosterItem::jid).toList(),
                "contacts stay where they are; the file's own address is the account's now, never a contact of itself");
        assertEquals(new JID("jules@capulet.example"), jules.pepNodes().get(0).affiliations().get(0).jid());
        assertEquals("lounge@conference.old.example", jules.pepNodes().get(0).items().get(0).id());
        assertEquals("own", jules.password(), "the account keeps its password");
        assertEquals(UserOutcome.Status.DONE, report.users().get(0).status());
        assertEquals(UserOutcome.Status.SKIPPED, report.users().get(1).status());
        assertEquals("the file holds more than one account; only juliet@old.example goes into jules@capulet.example",
                report.users().get(1).problem());
        assertTrue(!server.ports().accounts().exists("nurse"), "nobody else is created");
    }

    @Test
    void intoAnAccountThatDoesNotExistWritesNothing() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        TransferReport report = importInto(server, export("old.example", List.of(UserData.builder("juliet").password("x").build())),
                ImportOptions.mergeAll().withIntoAccount("ghost"));
        assertEquals("there is no account ghost@capulet.example", report.users().get(0).problem());
        assertEquals(0, server.writes());
    }

    @Test
    void aWaitingMessageIsNeverStoredTwiceEvenWhenTheServerAddressedItAnew() throws Exception {
        org.dom4j.Element message = org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get("message", "jabber:client"));
        message.addAttribute("from", "romeo@montague.example/orchard").addAttribute("to", "juliet@old.example/balcony")
                .addAttribute("type", "chat");
        message.addElement(org.dom4j.QName.get("body", "jabber:client")).setText("Wherefore?");
        org.modernxmpp.portability.pie.model.OfflineMessage waiting = new org.modernxmpp.portability.pie.model.OfflineMessage(
                XmlPayload.of(message), java.time.Instant.parse("2020-02-02T20:20:20Z"));
        org.dom4j.Element stored = message.createCopy();
        stored.addAttribute("to", "juliet@capulet.example"); // as the server addresses it to the account it keeps it for
        InMemoryServer server = new InMemoryServer(DOMAIN);
        server.seed(UserData.builder("juliet").password("pw").offlineMessage(new org.modernxmpp.portability.pie.model.OfflineMessage(
                XmlPayload.of(stored), waiting.stamp())).build());

        TransferReport report = importInto(server, export("old.example", List.of(UserData.builder("juliet").offlineMessage(waiting).build())),
                ImportOptions.mergeAll().withRewriteHosts(true));

        assertEquals(1, server.snapshot("juliet").offlineMessages().size());
        assertEquals(KindOutcome.Result.UNCHANGED, kind(user(report, "juliet@capulet.example"), DataKind.OFFLINE_MESSAGES).result());
    }

    @Test
    void omemoKeysStayWithTheirAccount() throws Exception {
        PepNode omemo = new PepNode("eu.siacs.conversations.axolotl.devicelist", null, List.of(), List.of(), List.of(new PepItem("current", null)));
        UserData romeo = UserData.builder("romeo").password("pw").pepNode(omemo).build();
        InMemoryServer sameDomain = new InMemoryServer("old.example");
        InMemoryServer otherDomain = new InMemoryServer(DOMAIN);

        importInto(sameDomain, export("old.example", List.of(romeo)), ImportOptions.mergeAll());
        TransferReport moved = importInto(otherDomain, export("old.example", List.of(romeo)), ImportOptions.mergeAll().withRewriteHosts(true));

        assertEquals(List.of(omemo), sameDomain.snapshot("romeo").pepNodes());
        assertEquals(List.of(), otherDomain.snapshot("romeo").pepNodes());
        assertEquals(List.of("OMEMO node eu.siacs.conversations.axolotl.devicelist not imported into another account (its keys belong to romeo@old.example)"),
                kind(user(moved, "romeo@capulet.example"), DataKind.PEP).details());
    }

    @Test
    void accountDetailsMergeFillsGapsAndReplaceOverwrites() throws Exception {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        server.seed(UserData.builder("juliet").password("pw")
                .account(new AccountDetails("Juliet", null, null, null, Map.of("a", "mine"))).build());
        UserData file = UserData.builder("juliet").account(new AccountDetails("Jules", "j@mail.example", null, null,
                Map.of("a", "theirs", "b", "new"))).build();

        importInto(server, export(DOMAIN, List.of(file)), ImportOptions.mergeAll());
        AccountDetails merged = server.snapshot("juliet").account();
        importInto(server, export(DOMAIN, List.of(file)), ImportOptions.mergeAll().withPolicy(DataKind.ACCOUNT, KindPolicy.REPLACE));

        assertEquals(new AccountDetails("Juliet", "j@mail.example", null, null, Map.of("a", "mine", "b", "new")), merged);
        assertEquals(file.account(), server.snapshot("juliet").account());
    }
}

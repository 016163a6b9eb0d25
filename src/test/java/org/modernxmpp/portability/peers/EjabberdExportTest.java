package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.modernxmpp.portability.pie.ScramCheck;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * ejabberd's export, our import: accounts filled on a live ejabberd 23.01 through a real client, exported with
 * {@code ejabberdctl export_piefxis}, read and imported by us, compared kind by kind with what was put in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EjabberdExportTest {
    private static final String DOMAIN = "ejabberd-out.test";

    private EjabberdPeer ejabberd;
    private final PeerFill fill = new PeerFill(DOMAIN);
    private Path export;
    private OurImport ours;
    private String version;

    @BeforeAll
    void fillExportAndImport() throws Exception {
        EjabberdPeer.assumeInstalled();
        org.modernxmpp.portability.remote.RawXmlProviders.install();
        ejabberd = EjabberdPeer.create("ejabberd/export", "127.0.0.22", DOMAIN);
        ejabberd.start();
        ejabberd.register(PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
        ejabberd.register(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        ejabberd.register(PeerFill.CLEO, PeerFill.CLEO_PASSWORD);
        ejabberd.awaitLogin(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        version = ejabberd.version();
        System.out.println("peers-live: " + version + ": " + ejabberd);
        fill.fill(ejabberd.address(), new PeerFill.Peer(true, false));
        export = ejabberd.exportPiefxis();
        ours = OurImport.of(export, DOMAIN);
    }

    @AfterAll
    void stopEjabberd() throws Exception {
        if (ejabberd != null) {
            ejabberd.close();
        }
    }

    @Test
    void theFindingsBelowAreAboutEjabberd2301() {
        assertTrue(version.startsWith("ejabberd 23.01"), version);
    }

    @Test
    void everyAccountIsImportedWithItsSCRAMCredentialsAndThePasswordStillWorks() throws Exception {
        assertEquals(3, ours.report().count(UserOutcome.Status.DONE), ours.report().users().toString());
        assertEquals(List.of(), ours.report().passwordResets());
        assertTrue(ScramCheck.matches(ours.imported(PeerFill.ANNA).scram().get(0), PeerFill.ANNA_PASSWORD));
        assertTrue(ScramCheck.matches(ours.imported(PeerFill.BEN).scram().get(0), PeerFill.BEN_PASSWORD));
        assertTrue(ScramCheck.matches(ours.imported(PeerFill.CLEO).scram().get(0), PeerFill.CLEO_PASSWORD));
    }

    @Test
    void rostersKeepNamesGroupsSubscriptionsAndPendingRequests() {
        for (String user : List.of(PeerFill.ANNA, PeerFill.BEN, PeerFill.CLEO)) {
            UserData imported = ours.imported(user);
            assertEquals(OurImport.sorted(fill.rosters().get(user)), OurImport.contacts(imported.roster()), user + "'s roster");
            assertEquals(fill.pendingInbound().get(user), OurImport.requesters(imported.pendingSubscriptions()),
                    user + "'s unanswered requests");
        }
    }

    @Test
    void vCardArrivesWholeWithItsPhoto() {
        // ejabberd 23.01 re-encodes a vCard in its codec's own child order (PHOTO first, BINVAL before TYPE): same content
        assertEquals(Xml.unordered(Xml.payload(fill.vCard())), Xml.unordered(ours.imported(PeerFill.ANNA).vCard()));
    }

    @Test
    void privateXmlArrivesFragmentByFragment() {
        Map<String, ?> expected = OurImport.fragments(fill.privateXml().stream().map(Xml::payload).toList());
        assertEquals(expected, OurImport.fragments(ours.imported(PeerFill.ANNA).privateXml()));
    }

    @Test
    void offlineMessagesArriveWithTheirOriginalTime() {
        List<OfflineMessage> offline = ours.imported(PeerFill.ANNA).offlineMessages();
        assertEquals(fill.offlineMessages(), offline.stream().map(m -> Messages.seen(m.message())).toList());
        offline.forEach(m -> assertNotNull(m.stamp(), "delay stamp of " + m.message()));
    }

    @Test
    void privacyListsArriveWithTheBlocksInTheDefaultList() {
        PrivacyLists privacy = ours.imported(PeerFill.ANNA).privacy();
        assertEquals("work", privacy.defaultList());
        assertEquals(List.of("strict", "work"), privacy.lists().stream().map(PrivacyLists.PrivacyList::name).sorted().toList());
        PrivacyLists.PrivacyList work = privacy.lists().stream().filter(l -> l.name().equals("work")).findFirst().orElseThrow();
        // ejabberd 23.01 keeps XEP-0191 blocks as jid deny rules of order 0 at the top of the default list
        for (String blocked : PeerFill.BLOCKED) {
            assertTrue(work.rules().stream().anyMatch(r -> "jid".equals(r.type()) && blocked.equals(r.value()) && !r.allow()
                    && r.order() == 0 && r.stanzas().isEmpty()), blocked + " in " + work);
        }
        assertTrue(work.rules().stream().anyMatch(r -> "group".equals(r.type()) && "Familie".equals(r.value()) && r.allow()
                && r.order() == 2 && r.stanzas().containsAll(List.of("message", "presence-in"))), work.toString());
        assertTrue(work.rules().stream().anyMatch(r -> r.type() == null && r.allow() && r.order() == 10), work.toString());
    }

    @Test
    void pepAndTheArchiveStayBehind() {
        // ejabberd 23.01 limitation: export_piefxis writes no PEP nodes (avatar, bookmarks, nick) and no MAM archive.
        assertEquals(List.of(), ours.read().get(PeerFill.ANNA).pepNodes());
        assertEquals(List.of(), ours.read().get(PeerFill.ANNA).archive());
        assertNull(ours.read().get(PeerFill.ANNA).password(), "SCRAM only, as configured");
    }
}

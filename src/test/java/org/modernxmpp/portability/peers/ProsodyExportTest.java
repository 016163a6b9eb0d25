package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.modernxmpp.portability.pie.ScramCheck;
import org.modernxmpp.portability.pie.model.ArchivedMessage;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.KindOutcome;
import org.modernxmpp.portability.transfer.UserOutcome;

/**
 * Prosody's export, our import: accounts filled on a live Prosody 0.12 through a real client, exported with
 * {@code prosody-migrator} (internal storage to xep0227), read and imported by us, compared kind by kind with what
 * was put in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProsodyExportTest {
    private static final String DOMAIN = "prosody-out.test";

    private ProsodyPeer prosody;
    private final PeerFill fill = new PeerFill(DOMAIN);
    private Path export;
    private OurImport ours;
    private String version;

    @BeforeAll
    void fillExportAndImport() throws Exception {
        ProsodyPeer.assumeInstalled();
        org.modernxmpp.portability.remote.RawXmlProviders.install();
        prosody = ProsodyPeer.create("prosody/export", "127.0.0.21", DOMAIN);
        prosody.register(PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
        prosody.register(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        prosody.register(PeerFill.CLEO, PeerFill.CLEO_PASSWORD);
        prosody.start(PeerFill.BEN, PeerFill.BEN_PASSWORD);
        version = prosody.version();
        System.out.println("peers-live: " + version + " on " + prosody.address() + ", in " + prosody.base());
        fill.fill(prosody.address(), new PeerFill.Peer(false, true));
        prosody.stop();
        export = prosody.exportToXep0227();
        ours = OurImport.of(export, DOMAIN);
    }

    @AfterAll
    void stopProsody() throws Exception {
        if (prosody != null) {
            prosody.close();
        }
    }

    @Test
    void theFindingsBelowAreAboutProsody012() {
        assertTrue(version.startsWith("Prosody 0.12."), version);
    }

    @Test
    void everyAccountIsImportedWithItsSCRAMCredentialsAndThePasswordStillWorks() throws Exception {
        assertEquals(3, ours.report().count(UserOutcome.Status.DONE), ours.report().users().toString());
        assertEquals(List.of(), ours.report().passwordResets());
        assertTrue(ScramCheck.matches(ours.imported(PeerFill.ANNA).scram().get(0), PeerFill.ANNA_PASSWORD));
        assertTrue(ScramCheck.matches(ours.imported(PeerFill.BEN).scram().get(0), PeerFill.BEN_PASSWORD));
        assertTrue(ScramCheck.matches(ours.imported(PeerFill.CLEO).scram().get(0), PeerFill.CLEO_PASSWORD));
        assertNull(ours.imported(PeerFill.ANNA).password(), "Prosody keeps hashes only");
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
        assertEquals(Xml.payload(fill.vCard()), ours.imported(PeerFill.ANNA).vCard());
    }

    @Test
    void privateXmlArrivesFragmentByFragment() {
        Map<String, ?> expected = OurImport.fragments(fill.privateXml().stream().map(Xml::payload).toList());
        assertEquals(expected, OurImport.fragments(ours.imported(PeerFill.ANNA).privateXml()));
    }

    @Test
    void pepAvatarNicknameAndBookmarksArriveWithTheirItemIds() {
        assertEquals(OurImport.payloads(fill.pep()), OurImport.pep(ours.imported(PeerFill.ANNA).pepNodes()));
    }

    @Test
    void offlineMessagesStayBehindButTheArchiveCarriesThem() {
        // Prosody 0.12.3 limitation: the xep0227 driver has no handler for the offline store.
        assertEquals(List.of(), ours.read().get(PeerFill.ANNA).offlineMessages());
        Map<String, PeerFill.OfflineMessage> archived = new TreeMap<>();
        for (ArchivedMessage message : ours.read().get(PeerFill.ANNA).archive()) {
            PeerFill.OfflineMessage seen = Messages.seen(message.message());
            archived.put(seen.id(), seen);
        }
        for (PeerFill.OfflineMessage sent : fill.offlineMessages()) {
            assertEquals(sent, archived.get(sent.id()));
        }
        KindOutcome archive = ours.report().users().stream().filter(u -> u.source().startsWith(PeerFill.ANNA + "@"))
                .flatMap(u -> u.kinds().stream()).filter(k -> k.kind() == DataKind.ARCHIVE).findFirst().orElseThrow();
        assertEquals(KindOutcome.Result.SKIPPED, archive.result(), "the plugin reports the archive it cannot write");
    }

    @Test
    void blocklistStaysBehind() {
        // Prosody 0.12.3 limitation: the xep0227 driver has no handler for the blocklist store; Prosody has no privacy lists.
        assertEquals(List.of(), ours.read().get(PeerFill.ANNA).blocklist());
        assertNull(ours.read().get(PeerFill.ANNA).privacy());
    }
}

package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ScramEncoding;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/**
 * Our export, ejabberd's import: a rich export made by our ExportJob and {@link PieWriter} ({@link OurExport}) in one
 * file, loaded with {@code ejabberdctl import_piefxis} into a fresh ejabberd 23.01, then checked as a client logged in
 * with each user's password sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EjabberdImportTest {
    private static final String DOMAIN = "ejabberd-in.test";
    /** A SCRAM account imported from a file whose keys are base64-encoded twice, as ejabberd 23.01's own export writes them. */
    private static final String SVEN = "sven";
    private static final String SVEN_PASSWORD = "sven-pässword";

    private EjabberdPeer ejabberd;
    private final OurExport ours = new OurExport(DOMAIN);
    private String importOutput;
    private PeerClient.Arrivals ilseOnline;

    @BeforeAll
    void importOurExportAndStart() throws Exception {
        EjabberdPeer.assumeInstalled();
        org.modernxmpp.portability.remote.RawXmlProviders.install();
        ejabberd = EjabberdPeer.create("ejabberd/import", "127.0.0.22", DOMAIN);
        Path file = ours.writeOneFile(ejabberd.base().resolve("our-export.xml"));
        ejabberd.start();
        importOutput = ejabberd.importPiefxis(file);
        ejabberd.importPiefxis(ejabberdDialect(ejabberd.base().resolve("sven-ejabberd-dialect.xml")));
        ejabberd.awaitLogin(OurExport.ILSE, OurExport.ILSE_PASSWORD);
        System.out.println("peers-live: " + ejabberd);
        try (PeerClient ilse = PeerClient.login(ejabberd.address(), OurExport.ILSE, OurExport.ILSE_PASSWORD)) {
            ilseOnline = ilse.goOnline(ours.offlineMessages().size(), Duration.ofSeconds(5));
        }
    }

    @AfterAll
    void stopEjabberd() throws Exception {
        if (ejabberd != null) {
            ejabberd.close();
        }
    }

    /** One SCRAM user written by our PieWriter with its SCRAM values encoded for ejabberd (base64 of base64). */
    private static Path ejabberdDialect(Path file) throws Exception {
        try (PieWriter writer = new PieWriter(Files.newOutputStream(file), ScramEncoding.EJABBERD)) {
            writer.writeUser(new JID(DOMAIN), UserData.builder(SVEN).scram(Scram.derive("SCRAM-SHA-1", SVEN_PASSWORD, 4096)).build());
        }
        return file;
    }

    private PeerClient login(String user) throws Exception {
        return PeerClient.login(ejabberd.address(), user, ours.passwords().get(user));
    }

    @Test
    void usersWithAPlaintextPasswordLogIn() throws Exception {
        assertTrue(PeerClient.canLogin(ejabberd.address(), OurExport.ILSE, OurExport.ILSE_PASSWORD), importOutput + ejabberd.log());
        assertTrue(PeerClient.canLogin(ejabberd.address(), OurExport.JUERGEN, OurExport.JUERGEN_PASSWORD), "unicode localpart");
        assertFalse(PeerClient.canLogin(ejabberd.address(), OurExport.ILSE, "wrong"), "a wrong password is refused");
    }

    @Test
    void usersWithSCRAMCredentialsCannotLogIn() throws Exception {
        // ejabberd 23.01 limitation (its bug #3167 seen from the import side): import_piefxis decodes the XEP-0227
        // base64 once and stores the bytes where it keeps base64 text; the SASL exchange then crashes in
        // xmpp_sasl_scram (badarg in base64:decode) and the client never gets an answer.
        Duration quick = Duration.ofSeconds(3);
        assertEquals(PeerClient.LoginOutcome.NO_ANSWER, PeerClient.tryLogin(ejabberd.address(), OurExport.OLAF, OurExport.OLAF_PASSWORD, quick));
        assertEquals(PeerClient.LoginOutcome.NO_ANSWER, PeerClient.tryLogin(ejabberd.address(), OurExport.MIRA, OurExport.MIRA_PASSWORD, quick));
    }

    @Test
    void scramCredentialsEncodedTwiceAsEjabberdWritesThemDoLogIn() throws Exception {
        // What ejabberd 23.01 expects instead, and what our writer gives with ScramEncoding.EJABBERD (the CLI's
        // --scram ejabberd): the keys as its own export_piefxis writes them, base64 of base64.
        assertEquals(PeerClient.LoginOutcome.ACCEPTED, PeerClient.tryLogin(ejabberd.address(), SVEN, SVEN_PASSWORD, Duration.ofSeconds(5)));
    }

    @Test
    void rostersKeepUnicodeNamesGroupsAndSubscriptionStatesButNotThePendingOutboundRequest() throws Exception {
        // ejabberd 23.01 limitation: import_piefxis sets roster items through mod_roster:set_items, which takes
        // name, groups and subscription but not ask: mira's item loses ask='subscribe'.
        List<PeerFill.Contact> expected = ours.ilseRoster().stream().map(c -> !c.askSubscribe() ? c
                : new PeerFill.Contact(c.jid(), c.name(), c.subscription(), false, c.groups())).toList();
        try (PeerClient ilse = login(OurExport.ILSE)) {
            assertEquals(OurImport.sorted(expected), ClientView.roster(ilse));
        }
    }

    @Test
    void pendingSubscriptionRequestIsOfferedAgainAtLogin() {
        assertEquals(List.of(OurExport.PAUL), ilseOnline.subscriptionRequestsFrom());
    }

    @Test
    void pendingRequestOfAUserWithoutContactsArrivesToo() throws Exception {
        try (PeerClient jurgen = login(OurExport.JUERGEN)) {
            assertEquals(List.of(OurExport.FAN), jurgen.goOnline(0, Duration.ofSeconds(2)).subscriptionRequestsFrom());
        }
    }

    @Test
    void vCardArrivesWithItsPhoto() throws Exception {
        try (PeerClient ilse = login(OurExport.ILSE)) {
            assertEquals(Xml.unordered(Xml.payload(ours.vCard())), Xml.unordered(ClientView.vCard(ilse)));
        }
    }

    @Test
    void privateXmlArrivesFragmentByFragment() throws Exception {
        try (PeerClient ilse = login(OurExport.ILSE)) {
            assertEquals(Xml.payload(ours.privateXml().get(0)), ClientView.privateXml(ilse, "storage", "storage:bookmarks"));
            assertEquals(Xml.payload(ours.privateXml().get(1)), ClientView.privateXml(ilse, "settings", "urn:example:custom"));
        }
    }

    @Test
    void offlineMessagesAreDeliveredWithTheirOriginalTime() {
        Map<String, PeerFill.OfflineMessage> seen = new TreeMap<>();
        Map<String, Instant> stamps = new TreeMap<>();
        for (Message message : ilseOnline.messages()) {
            if (message.getBody() != null) {
                seen.put(message.getStanzaId(), Messages.seen(message));
                var delay = (org.jivesoftware.smack.packet.StandardExtensionElement) message.getExtension("delay", "urn:xmpp:delay");
                stamps.put(message.getStanzaId(), delay == null ? null
                        : org.modernxmpp.portability.pie.Timestamps.parse(delay.getAttributeValue("stamp")));
            }
        }
        for (PeerFill.OfflineMessage sent : ours.offlineMessages()) {
            assertEquals(sent, seen.get(sent.id()));
        }
        assertEquals(Map.of("ours-offline-1", OurExport.FIRST_STAMP, "ours-offline-2", OurExport.SECOND_STAMP), stamps);
    }

    @Test
    void privacyListsArrive() throws Exception {
        try (PeerClient ilse = login(OurExport.ILSE)) {
            ClientView.Privacy privacy = ClientView.privacy(ilse);
            assertEquals(OurExport.PRIVACY_DEFAULT, privacy.defaultList());
            assertEquals(List.of(OurExport.PRIVACY_DEFAULT), List.copyOf(privacy.lists().keySet()));
            // ejabberd 23.01 writes the stanza kinds of an item in an order of its own (presence-in before message)
            assertEquals(Xml.unordered(Xml.payload("<list xmlns='jabber:iq:privacy' name='work'>"
                    + "<item type='jid' value='spammer@spam.example' action='deny' order='1'/>"
                    + "<item type='group' value='Familie ✿' action='allow' order='2'><message/><presence-in/></item>"
                    + "<item action='allow' order='3'/></list>")), Xml.unordered(privacy.lists().get("work")));
        }
    }

    @Test
    void blocklistElementIsNotImported() throws Exception {
        // ejabberd 23.01 limitation: import_piefxis ignores a <blocklist xmlns='urn:xmpp:blocking'> (XEP-0227 defines
        // none); its blocklist is the jid-deny rules of the default privacy list, which did arrive.
        try (PeerClient ilse = login(OurExport.ILSE)) {
            assertEquals(List.of("spammer@spam.example"), ClientView.blocklist(ilse));
        }
    }

    @Test
    void pepAndTheArchiveAreNotImported() throws Exception {
        // ejabberd 23.01 limitation: import_piefxis reads no PEP nodes and no archive.
        try (PeerClient ilse = login(OurExport.ILSE)) {
            assertEquals(Map.of(), ClientView.pep(ilse, ours.pep().keySet()));
            assertEquals(List.of(), ilse.archive());
        }
    }
}

package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.AccountDetails;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** Backups written by Openfire's userImportExport plugin in its legacy format read into the same model. */
class OpenfireLegacyFormatTest {

    private static Path legacyFile() throws Exception {
        return Path.of(OpenfireLegacyFormatTest.class.getResource("/openfire-userimportexport/legacy.xml").toURI());
    }

    @Test
    void legacyUsersRosterStatesAndDetailsAreRead() throws Exception {
        List<PieEntry> entries;
        try (PieReader reader = PieReader.open(legacyFile(), ReadLimits.DEFAULT).withLegacyDomain("capulet.example")) {
            entries = RoundTripTest.readAll(reader);
            assertTrue(reader.notes().dialects().contains("Openfire userImportExport legacy format (<Openfire><User>…)"));
            assertTrue(reader.notes().notes().stream().anyMatch(n -> n.startsWith("nurse@capulet.example: password equals the username")));
            assertTrue(reader.notes().notes().stream().anyMatch(n -> n.contains("tybalt@capulet.example is marked for removal")));
        }

        assertEquals(2, entries.size());
        PieEntry.HostUser juliet = (PieEntry.HostUser) entries.get(0);
        assertEquals(new JID("juliet@capulet.example"), juliet.jid());
        UserData data = juliet.user();
        assertEquals("pencil", data.password());
        assertEquals(new AccountDetails("Juliet Capulet", "juliet@capulet.example", Instant.ofEpochMilli(1700000000000L),
                Instant.ofEpochMilli(1700000360000L), Map.of()), data.account());
        assertEquals(List.of(
                new RosterItem(new JID("romeo@montague.example"), "Roméo", RosterItem.Subscription.BOTH, null, false,
                        List.of("Friends", "Montague"), List.of()),
                new RosterItem(new JID("benvolio@montague.example"), "Benvolio", RosterItem.Subscription.NONE,
                        RosterItem.Ask.SUBSCRIBE, false, List.of(), List.of()),
                new RosterItem(new JID("paris@verona.example"), null, RosterItem.Subscription.NONE, null, false, List.of(), List.of())),
                data.roster());
        assertEquals(List.of(new JID("paris@verona.example")), data.pendingSubscriptions().stream().map(r -> r.from()).toList());
        assertEquals(new AccountDetails(null, null, Instant.ofEpochMilli(1700000000000L), Instant.ofEpochMilli(1700000000000L),
                Map.of()), ((PieEntry.HostUser) entries.get(1)).user().account());
    }

    @Test
    void legacyFileWithoutADomainIsRefusedSayingWhatToGive() throws Exception {
        try (PieReader reader = PieReader.open(legacyFile(), ReadLimits.DEFAULT)) {
            PieFormatException error = assertThrows(PieFormatException.class, reader::next);
            assertEquals("legacy.xml", error.source());
            assertTrue(error.reason().contains("names no domain"), error.reason());
            assertTrue(error.reason().contains("--legacy-domain"), error.reason());
        }
    }
}

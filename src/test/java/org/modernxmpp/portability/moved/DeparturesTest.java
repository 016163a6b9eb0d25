package org.modernxmpp.portability.moved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.RosterItem.Subscription;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** The old account's side: who had approved it when the statement went up, who has switched since, and what stays of a deleted account. */
class DeparturesTest {
    @TempDir
    Path work;
    private final InMemoryServer server = new InMemoryServer("old.example");
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void countsTheContactsWhoStoppedSeeingTheAccountSinceTheStatementWentUp() throws Exception {
        server.seed(UserData.builder("juliet").password("pw")
                .rosterItem(new RosterItem(new JID("romeo@montague.example"), null, Subscription.BOTH, List.of()))
                .rosterItem(new RosterItem(new JID("nurse@capulet.example"), null, Subscription.FROM, List.of()))
                .rosterItem(new RosterItem(new JID("tybalt@capulet.example"), null, Subscription.TO, List.of()))
                .build());
        Departures departures = new Departures(work, server.ports().rosters(), Clock.fixed(now, ZoneOffset.UTC));
        departures.published("juliet", new JID("juliet@new.example"));

        Departure departure = departures.of("juliet").orElseThrow();
        assertEquals(new JID("juliet@new.example"), departure.newJid());
        assertEquals(now, departure.since());
        assertEquals(List.of(new JID("romeo@montague.example"), new JID("tybalt@capulet.example")), departure.approvers(),
                "the nurse never let her see her presence: she cannot follow, and is not counted");
        assertEquals(new Departure.Progress(0, 2), departures.progress(departure));

        // romeo's server followed the move and revoked her subscription to him (both becomes from)
        server.ports().rosters().put("juliet", new RosterItem(new JID("romeo@montague.example"), null, Subscription.FROM, List.of()));
        assertEquals(new Departure.Progress(1, 1), departures.progress(departure));
        server.ports().rosters().remove("juliet", new JID("tybalt@capulet.example"));
        assertEquals(new Departure.Progress(2, 0), departures.progress(departure));
        assertEquals(List.of(departure), departures.all());

        departures.withdrawn("juliet");
        assertEquals(Optional.empty(), departures.of("juliet"));
        assertEquals(List.of(), departures.all());
    }

    @Test
    void aTombstoneLastsUntilItsDateAndSurvivesARestart() {
        Tombstones tombstones = new Tombstones(work, Clock.fixed(now, ZoneOffset.UTC));
        tombstones.keep("juliet", new JID("juliet@new.example"), Duration.ofDays(30));

        Tombstones restarted = new Tombstones(work, Clock.fixed(now.plus(Duration.ofDays(29)), ZoneOffset.UTC));
        assertEquals(Optional.of(new Tombstones.Tombstone("juliet", new JID("juliet@new.example"), now.plus(Duration.ofDays(30)))),
                restarted.of("juliet"));

        Tombstones later = new Tombstones(work, Clock.fixed(now.plus(Duration.ofDays(30)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), later.of("juliet"));
        assertTrue(restarted.all().isEmpty(), "an expired tombstone is removed");
    }

    @Test
    void usernamesThatAreNoFileNamesAreKeptApart() {
        Tombstones tombstones = new Tombstones(work, Clock.fixed(now, ZoneOffset.UTC));
        for (String odd : List.of("../etc", "a/b", "a\\5cb", "jülïet", "*")) {
            tombstones.keep(odd, new JID("x@new.example"), Duration.ofDays(1));
        }
        assertEquals(List.of("*", "../etc", "a/b", "a\\5cb", "jülïet"), tombstones.all().stream().map(Tombstones.Tombstone::username).sorted().toList());
        assertFalse(java.nio.file.Files.exists(work.resolve("../etc.tombstone").normalize()), "nothing outside the folder");
    }
}

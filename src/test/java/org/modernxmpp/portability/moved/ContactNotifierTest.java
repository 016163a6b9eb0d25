package org.modernxmpp.portability.moved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.RosterItem.Subscription;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The new account tells each imported contact, once, at the set pace, with the XEP's request; it resets the imported
 * subscription states the contacts' servers do not share, approves back those who could see the old account, and
 * takes a run up again after a restart without telling anyone twice.
 */
class ContactNotifierTest {
    private static final JID OLD = new JID("juliet@old.example");

    @TempDir
    Path work;
    private final InMemoryServer server = new InMemoryServer("new.example");
    private final ScriptedRoute network = new ScriptedRoute();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    ContactNotifierTest() {
        server.seed(UserData.builder("juliet").password("pw")
                .rosterItem(new RosterItem(new JID("romeo@montague.example"), "Romeo", Subscription.BOTH, List.of("Love", "Verona")))
                .rosterItem(new RosterItem(new JID("nurse@capulet.example"), "Nurse", Subscription.FROM, List.of()))
                .rosterItem(new RosterItem(new JID("tybalt@capulet.example"), null, Subscription.TO, List.of("Family")))
                .rosterItem(new RosterItem(new JID("paris@verona.example"), "Paris", Subscription.NONE, List.of()))
                .rosterItem(new RosterItem(OLD, "Me, before", Subscription.BOTH, List.of()))
                .rosterItem(new RosterItem(new JID("verona.example"), null, Subscription.BOTH, List.of()))
                .build());
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        // a step still writing the ledger would race the removal of the temporary folder
        assertTrue(scheduler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
    }

    private ContactNotifier notifier(Duration pace) {
        return new ContactNotifier(server.ports().rosters(), network, new NoticeLedger(work), scheduler, () -> pace, "new.example", clock);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "in time");
    }

    private static boolean running(ContactNotifier notifier) {
        try {
            return notifier.progress("juliet").orElseThrow().running();
        } catch (AccountException e) {
            throw new AssertionError(e);
        }
    }

    private RosterItem item(String jid) {
        return server.snapshot("juliet").roster().stream().filter(i -> i.jid().toBareJID().equals(jid)).findFirst().orElseThrow();
    }

    @Test
    void everyContactGetsTheXepsRequestOnceWithTheImportedStateReset() throws Exception {
        ContactNotifier notifier = notifier(Duration.ofMillis(1));
        ContactNotifier.Progress started = notifier.start("juliet", " juliet@old.example ");
        assertEquals(4, started.total(), "every contact but the old address itself and a server");

        waitFor(() -> network.sent.size() == 4 && !running(notifier));

        assertEquals(List.of("romeo@montague.example", "nurse@capulet.example", "tybalt@capulet.example", "paris@verona.example"),
                network.sent.stream().map(p -> p.getTo().toString()).toList());
        for (Presence request : network.sent) {
            assertEquals(Presence.Type.subscribe, request.getType());
            assertEquals(new JID("juliet@new.example"), request.getFrom());
            assertEquals("juliet@old.example", request.getElement().element("moved").element("old-jid").getText());
            assertEquals("urn:xmpp:moved:1", request.getElement().element("moved").getNamespaceURI());
        }
        assertEquals(new RosterItem(new JID("romeo@montague.example"), "Romeo", Subscription.NONE, List.of("Love", "Verona")),
                item("romeo@montague.example"), "no subscription until the contact answers; name and groups stay");
        assertEquals(Subscription.NONE, item("tybalt@capulet.example").subscription());
        assertEquals(Subscription.BOTH, item("juliet@old.example").subscription(), "the old address is left as it was");
        ContactNotifier.Progress done = notifier.progress("juliet").orElseThrow();
        assertEquals(List.of(OLD, 4, 4L, 0L, false), List.of(done.oldJid(), done.total(), done.sent(), done.accepted(), done.running()));
        assertEquals(new ContactNotifier.ContactResult(new JID("romeo@montague.example"), true, false), done.contacts().get(0));

        notifier.start("juliet", "juliet@old.example");
        Thread.sleep(50);
        assertEquals(4, network.sent.size(), "starting again resumes the finished run: nobody is asked twice");
    }

    @Test
    void aRunCutShortByARestartGoesOnWhereItStopped() throws Exception {
        ContactNotifier before = notifier(Duration.ofHours(1));
        before.start("juliet", "juliet@old.example");
        waitFor(() -> network.sent.size() == 1);
        before.stop("juliet");
        assertEquals(1, before.progress("juliet").orElseThrow().sent());

        ContactNotifier after = notifier(Duration.ofMillis(1));
        after.resumeAll();
        waitFor(() -> network.sent.size() == 4);
        Thread.sleep(50);
        assertEquals(List.of("romeo@montague.example", "nurse@capulet.example", "tybalt@capulet.example", "paris@verona.example"),
                network.sent.stream().map(p -> p.getTo().toString()).toList());
    }

    @Test
    void theRequestsFollowThePace() throws Exception {
        ContactNotifier notifier = notifier(Duration.ofMillis(300));
        notifier.start("juliet", "juliet@old.example");
        waitFor(() -> network.sent.size() == 1);
        Thread.sleep(100);
        assertEquals(1, network.sent.size(), "the second waits for the pause");
        waitFor(() -> network.sent.size() == 2);
    }

    @Test
    void contactsWhoCouldSeeTheOldAccountAreApprovedBackOnce() throws Exception {
        ContactNotifier notifier = notifier(Duration.ofMillis(1));
        notifier.start("juliet", "juliet@old.example");
        waitFor(() -> network.sent.size() == 4);
        network.sent.clear();

        assertTrue(notifier.approveOnBehalf("juliet", new JID("romeo@montague.example/orchard")));
        assertEquals(1, network.sent.size());
        Presence approval = network.sent.get(0);
        assertEquals(Presence.Type.subscribed, approval.getType());
        assertEquals(new JID("juliet@new.example"), approval.getFrom());
        assertEquals(new JID("romeo@montague.example"), approval.getTo());

        assertFalse(notifier.approveOnBehalf("juliet", new JID("romeo@montague.example")), "once");
        assertTrue(notifier.approveOnBehalf("juliet", new JID("nurse@capulet.example")), "from counts too");
        assertFalse(notifier.approveOnBehalf("juliet", new JID("tybalt@capulet.example")), "could not see the old account");
        assertFalse(notifier.approveOnBehalf("juliet", new JID("mallory@evil.example")), "a stranger");
        assertFalse(notifier.approveOnBehalf("romeo", new JID("juliet@new.example")), "an account with no run");
        assertEquals(2, network.sent.size());

        ContactNotifier restarted = notifier(Duration.ofMillis(1));
        assertFalse(restarted.approveOnBehalf("juliet", new JID("romeo@montague.example")), "a used approval stays used");
    }

    @Test
    void acceptedContactsAreCountedFromTheRoster() throws Exception {
        ContactNotifier notifier = notifier(Duration.ofMillis(1));
        notifier.start("juliet", "juliet@old.example");
        waitFor(() -> network.sent.size() == 4);
        server.ports().rosters().put("juliet", new RosterItem(new JID("romeo@montague.example"), "Romeo", Subscription.BOTH, List.of()));
        server.ports().rosters().put("juliet", new RosterItem(new JID("paris@verona.example"), "Paris", Subscription.TO, List.of()));
        ContactNotifier.Progress progress = notifier.progress("juliet").orElseThrow();
        assertEquals(2, progress.accepted());
        assertEquals(List.of(true, false, false, true), progress.contacts().stream().map(ContactNotifier.ContactResult::accepted).toList(),
                "per contact, in roster order");
    }

    @Test
    void anotherOldAddressStartsANewRun() throws Exception {
        ContactNotifier notifier = notifier(Duration.ofMillis(1));
        notifier.start("juliet", "juliet@old.example");
        waitFor(() -> network.sent.size() == 4);
        notifier.start("juliet", "jules@older.example");
        waitFor(() -> network.sent.size() == 9);
        assertEquals("jules@older.example", network.sent.get(8).getElement().element("moved").element("old-jid").getText());
    }

    @Test
    void onlyAnotherAccountAddressIsAccepted() throws Exception {
        ContactNotifier notifier = notifier(Duration.ofMillis(1));
        for (String bad : List.of("juliet@new.example", "old.example", "juliet@old.example/balcony", "a b@old.example", "")) {
            assertThrows(IllegalArgumentException.class, () -> notifier.start("juliet", bad), bad);
        }
        assertEquals(List.of(), network.sent);
        assertTrue(notifier.progress("juliet").isEmpty());
    }
}

package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departures;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.moved.Tombstones;
import org.modernxmpp.portability.moved.NoticeLedger;
import org.modernxmpp.portability.moved.ScriptedRoute;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** "Tell my contacts" and the old account's count of switched contacts, over real HTTP: the signed-in account's contacts, and only they. */
class SelfServiceNotifyTest {
    @TempDir
    Path work;
    private final InMemoryServer server = new InMemoryServer("new.example");
    private final ScriptedRoute network = new ScriptedRoute();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private SelfServiceSite site;

    @BeforeEach
    void start() throws Exception {
        server.seed(UserData.builder("juliet").password("pw")
                .rosterItem(new RosterItem(new JID("romeo@montague.example"), "Romeo", RosterItem.Subscription.BOTH, List.of("Love")))
                .rosterItem(new RosterItem(new JID("nurse@capulet.example"), "Nurse", RosterItem.Subscription.TO, List.of()))
                .build());
        server.seed(UserData.builder("romeo").password("pw2")
                .rosterItem(new RosterItem(new JID("benvolio@montague.example"), null, RosterItem.Subscription.BOTH, List.of())).build());
        ContactNotifier notifier = new ContactNotifier(server.ports().rosters(), network, new NoticeLedger(work.resolve("notices")),
                scheduler, () -> Duration.ofMillis(1), "new.example", Clock.systemUTC());
        site = SelfServiceSite.start(server, Map.of("juliet", "pw", "romeo", "pw2"), work, new Moves(notifier,
                new Departures(work.resolve("departures"), server.ports().rosters(), Clock.systemUTC()),
                new Tombstones(work.resolve("tombstones"), Clock.systemUTC())));
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
        scheduler.shutdownNow();
        assertTrue(scheduler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS), "no step still writes the ledger");
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void tellsTheSignedInAccountsContactsAndShowsHowFarItGot() throws Exception {
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@new.example", "pw");
        assertTrue(juliet.home().body().contains("Arrived from another address?"));

        HttpResponse<byte[]> started = juliet.postForm("notify", Map.of("csrf", juliet.token(), "address", "juliet@old.example",
                "account", "romeo", "username", "romeo"));

        assertEquals(200, started.statusCode(), body(started));
        assertTrue(body(started).contains("We are telling your 2 contacts that you were juliet@old.example, one after another."), body(started));
        for (int i = 0; i < 200 && !juliet.home().body().contains("were told"); i++) {
            Thread.sleep(20);
        }
        assertTrue(juliet.home().body().contains("Your 2 contacts were told that you were juliet@old.example; 0 accepted so far."),
                juliet.home().body());
        server.ports().rosters().put("juliet", new RosterItem(new JID("romeo@montague.example"), "Romeo", RosterItem.Subscription.TO, List.of()));
        String home = juliet.home().body();
        assertTrue(home.contains("<tr><td>romeo@montague.example</td><td>accepted your new address</td></tr>"), home);
        assertTrue(home.contains("<tr><td>nurse@capulet.example</td><td>asked, no answer yet</td></tr>"), home);
        assertEquals(List.of("juliet@new.example subscribe romeo@montague.example", "juliet@new.example subscribe nurse@capulet.example"),
                network.sent.stream().map(p -> p.getFrom() + " " + p.getType() + " " + p.getTo()).toList(),
                "whatever the request says, only the signed-in account's contacts");
    }

    @Test
    void theOldAccountSeesHowManyContactsHaveSwitched() throws Exception {
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@new.example", "pw");
        juliet.postForm("move", Map.of("csrf", juliet.token(), "address", "juliet@elsewhere.example", "audience", "contacts"));
        assertTrue(juliet.home().body().contains("0 of your contacts have switched to your new address; 2 have not yet."), juliet.home().body());

        // romeo's server followed the move: it revoked this account's subscription to him
        server.ports().rosters().put("juliet", new RosterItem(new JID("romeo@montague.example"), "Romeo", RosterItem.Subscription.FROM, List.of()));
        assertTrue(juliet.home().body().contains("1 of your contacts have switched to your new address; 1 have not yet."));

        juliet.postForm("move", Map.of("csrf", juliet.token(), "action", "withdraw"));
        assertTrue(!juliet.home().body().contains("have switched"), "withdrawn: nothing more to count");
    }

    @Test
    void aBadAddressIsExplainedAndNobodyIsTold() throws Exception {
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@new.example", "pw");

        HttpResponse<byte[]> response = juliet.postForm("notify", Map.of("csrf", juliet.token(), "address", "juliet@new.example"));

        assertEquals(400, response.statusCode());
        assertTrue(body(response).contains("That address cannot be used: the old address is this account&#39;s own"), body(response));
        Thread.sleep(50);
        assertEquals(List.of(), network.sent);
    }

    @Test
    void withoutSessionOrTokenNobodyIsTold() throws Exception {
        SelfServiceSite.Browser visitor = site.browser();
        assertEquals(401, visitor.postForm("notify", Map.of("csrf", visitor.token(), "address", "juliet@old.example")).statusCode());
        SelfServiceSite.Browser juliet = site.browser();
        juliet.signedIn("juliet@new.example", "pw");
        assertEquals(403, juliet.postForm("notify", Map.of("csrf", "0".repeat(48), "address", "juliet@old.example")).statusCode());
        Thread.sleep(50);
        assertEquals(List.of(), network.sent);
    }
}

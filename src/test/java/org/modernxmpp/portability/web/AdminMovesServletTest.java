package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departures;
import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.moved.NoticeLedger;
import org.modernxmpp.portability.moved.ScriptedRoute;
import org.modernxmpp.portability.moved.Tombstones;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.RosterItem.Subscription;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** The admin's view of the moves, over real HTTP: who is leaving and how many contacts followed, who is arriving, what was deleted. */
class AdminMovesServletTest {
    @TempDir
    Path work;
    private final InMemoryServer server = new InMemoryServer(AdminConsole.DOMAIN);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private AdminConsole console;
    private Moves moves;
    private PortabilityContext context;

    @BeforeEach
    void start() throws Exception {
        server.seed(UserData.builder("juliet").password("pw")
                .rosterItem(new RosterItem(new JID("romeo@montague.example"), null, Subscription.BOTH, List.of()))
                .rosterItem(new RosterItem(new JID("nurse@capulet.example"), null, Subscription.TO, List.of())).build());
        server.seed(UserData.builder("paris").password("pw")
                .rosterItem(new RosterItem(new JID("capulet@capulet.example"), null, Subscription.BOTH, List.of())).build());
        moves = new Moves(new ContactNotifier(server.ports().rosters(), new ScriptedRoute(), new NoticeLedger(work.resolve("notices")),
                scheduler, () -> Duration.ofMillis(1), AdminConsole.DOMAIN, clock),
                new Departures(work.resolve("departures"), server.ports().rosters(), clock), new Tombstones(work.resolve("tombstones"), clock));
        console = AdminConsole.start();
        context = new PortabilityContext(server::ports, null, () -> work, (u, p) -> false, AuditLog.NONE, Settings.DEFAULTS, moves);
        console.use(context);
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        scheduler.shutdownNow();
        assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void listsDeparturesArrivalsAndTombstonesWithTheirNumbers() throws Exception {
        new MoveAnnouncement(server.ports().pep(), AdminConsole.DOMAIN).publish("juliet", "juliet@new.example", MoveAnnouncement.Audience.CONTACTS);
        moves.departures().published("juliet", new JID("juliet@new.example"));
        server.ports().rosters().put("juliet", new RosterItem(new JID("romeo@montague.example"), null, Subscription.FROM, List.of()));
        moves.notifier().start("paris", "paris@verona.example");
        for (int i = 0; i < 200 && moves.notifier().progress("paris").orElseThrow().running(); i++) {
            Thread.sleep(10);
        }
        moves.tombstones().keep("tybalt", new JID("tybalt@elsewhere.example"), Duration.ofDays(365));

        HttpResponse<String> page = console.get("moves");

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<tr><td>juliet</td><td>juliet@new.example</td><td>2026-12-02T10:00:00Z</td><td>1</td><td>1</td><td>yes</td></tr>"), html);
        assertTrue(html.contains("<tr><td>paris</td><td>paris@verona.example</td><td>1 of 1</td><td>0</td><td>done</td></tr>"), html);
        assertTrue(html.contains("<tr><td>tybalt</td><td>tybalt@elsewhere.example</td><td>2027-12-02T10:00:00Z</td></tr>"), html);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void listsTheMovesToAndFromOtherServersUnderWayWithHowFarEachGot() throws Exception {
        assertTrue(console.get("moves").body().contains("<p>None at the moment.</p>"));
        TransferSlots.Slot in = context.transfers().take("juliet", "192.0.2.7", TransferSlots.Direction.IN, new JID("juliet@old.example"));
        TransferSlots.Slot out = context.transfers().take("paris", "192.0.2.8", TransferSlots.Direction.OUT, new JID("paris@new.example"));
        TransferSlots.Slot unheld = context.transfers().take("tybalt", "192.0.2.9", TransferSlots.Direction.OUT, new JID("tybalt@new.example"));
        in.holds(new FixedMove(new TransferSlots.Progress("READING", 1200, 0)));
        out.holds(new FixedMove(new TransferSlots.Progress("TELLING", 3, 40)));

        String html = console.get("moves").body();

        assertTrue(html.matches("(?s).*<tr><td>juliet</td><td>in from</td><td>juliet@old.example</td><td>[0-9T:-]+Z</td>"
                + "<td>reading the old account: 1200 messages so far</td></tr>.*"), html);
        assertTrue(html.matches("(?s).*<tr><td>paris</td><td>out to</td><td>paris@new.example</td><td>[0-9T:-]+Z</td>"
                + "<td>asking contacts: 3 of 40</td></tr>.*"), html);
        assertTrue(html.indexOf("<td>juliet</td><td>in from") < html.indexOf("<td>paris</td><td>out to"), "oldest first");
        assertTrue(!html.contains("tybalt@new.example"), "a place without its move yet is not listed");
        in.close();
        out.close();
        unheld.close();
        assertTrue(console.get("moves").body().contains("<p>None at the moment.</p>"));
    }

    private record FixedMove(TransferSlots.Progress progress) implements TransferSlots.Move {
        @Override
        public void stop(String why) {
        }
    }

    @Test
    void aStatementWithdrawnByAClientIsShownAsSuch() throws Exception {
        moves.departures().published("juliet", new JID("juliet@new.example"));
        String html = console.get("moves").body();
        assertTrue(html.contains("<td>no (withdrawn by a client)</td>"), html);
    }
}

package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.jivesoftware.smack.packet.Presence;
import org.dom4j.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.modernxmpp.portability.web.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The end-to-end suite on two real, federating Openfire 5.1 servers with the plugin (profile e2e; skipped unless
 * {@code OPENFIRE_HOME} names an installation): anna moves from old.example to new.example. Real clients fill her
 * old account with every kind; she exports it on the old server's self-service page and imports it into her new
 * account there, and every kind compares equal; she publishes the moved note and tells her contacts in a real
 * browser; her contacts on both servers follow without touching anything, names and groups kept, and a spoofed
 * notification reaches its target untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenfireMoveE2E {
    private static final String OLD = "old.example";
    private static final String NEW = "new.example";
    private static final String BOB = "bob";
    private static final String CAROL = "carol";
    /** A contact on the new server who is offline while things happen to him. */
    private static final String DAVE = "dave";
    private static final String PASSWORD = "secret";
    private static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(60);

    private final PeerFill fill = new PeerFill(OLD);
    private final Path screenshots = Path.of("target/e2e/screenshots");
    private OpenfirePeer old;
    private OpenfirePeer fresh;
    private AutoCloseable providers;
    private PeerClient bobWatching;
    private List<PeerClient.Request> bobSaw;

    @BeforeAll
    void startBothServers() throws Exception {
        Path installation = OpenfirePeer.assumeInstalled();
        HeadlessChromium.assumeInstalled();
        org.modernxmpp.portability.remote.RawXmlProviders.install();
        providers = MovedElement.install();
        Map<String, String> peers = Map.of(OLD, "127.0.0.2", NEW, "127.0.0.3");
        old = OpenfirePeer.create(installation, "old", "127.0.0.2", OLD, Map.of(PeerFill.ANNA, PeerFill.ANNA_PASSWORD,
                PeerFill.BEN, PeerFill.BEN_PASSWORD, PeerFill.CLEO, PeerFill.CLEO_PASSWORD, CAROL, PASSWORD), peers);
        fresh = OpenfirePeer.create(installation, "new", "127.0.0.3", NEW, Map.of(PeerFill.ANNA, PeerFill.ANNA_PASSWORD, BOB, PASSWORD,
                DAVE, PASSWORD), peers);
        old.start();
        fresh.start();
        old.awaitReady(CAROL, PASSWORD, Duration.ofMinutes(3));
        fresh.awaitReady(BOB, PASSWORD, Duration.ofMinutes(3));
        System.out.println("e2e: Openfire from " + installation + " as " + old.home() + " and " + fresh.home());
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stopBothServers() throws Exception {
        if (bobWatching != null) {
            bobWatching.close();
        }
        if (old != null) {
            old.close();
        }
        if (fresh != null) {
            fresh.close();
        }
        if (providers != null) {
            providers.close();
        }
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + FOLLOW_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + FOLLOW_TIMEOUT + ": " + what);
            }
            Thread.sleep(500);
        }
    }

    private static <T> T quietly(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PeerFill.Contact contact(List<PeerFill.Contact> roster, String jid) {
        return roster.stream().filter(c -> c.jid().equals(jid)).findFirst().orElse(null);
    }

    private static void handshake(PeerClient from, Presence.Type type, PeerClient to) throws Exception {
        from.presence(type, to.bareJid());
        from.sync();
        Thread.sleep(1500); // across servers: the first stanza also sets up the server-to-server link
        to.sync();
    }

    @Test
    @Order(1)
    void annasOldAccountHoldsEveryKindAndContactsOnBothServers() throws Exception {
        fill.fill(old.address(), new PeerFill.Peer(true, false));
        try (PeerClient anna = PeerClient.login(old.address(), PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
             PeerClient bob = PeerClient.login(fresh.address(), BOB, PASSWORD)) {
            bob.rosterSet(anna.bareJid(), "Anna from before", "Neighbours", "Book club");
            anna.rosterSet(bob.bareJid(), "Bob", "Neighbours");
            handshake(bob, Presence.Type.subscribe, anna);
            handshake(anna, Presence.Type.subscribed, bob);
            handshake(anna, Presence.Type.subscribe, bob);
            handshake(bob, Presence.Type.subscribed, anna);
            assertEquals(new PeerFill.Contact("anna@old.example", "Anna from before", "both", false, List.of("Book club", "Neighbours")),
                    contact(ClientView.roster(bob), "anna@old.example"));
            assertEquals("both", contact(ClientView.roster(anna), "bob@new.example").subscription());
            try (PeerClient dave = PeerClient.login(fresh.address(), DAVE, PASSWORD)) {
                dave.rosterSet(anna.bareJid(), "Anna", "Chess");
                handshake(dave, Presence.Type.subscribe, anna);
                handshake(anna, Presence.Type.subscribed, dave);
                handshake(anna, Presence.Type.subscribe, dave);
                handshake(dave, Presence.Type.subscribed, anna);
                assertEquals("both", contact(ClientView.roster(dave), "anna@old.example").subscription());
            }
        }
    }

    @Test
    @Order(2)
    void herExportImportedIntoHerNewAccountComparesEqualKindByKind() throws Exception {
        byte[] export = SelfServiceClient.signIn(old.selfService(), "anna@old.example", PeerFill.ANNA_PASSWORD).export();
        Files.write(Path.of("target/e2e/anna-old-export.xml"), export);
        String result = SelfServiceClient.signIn(fresh.selfService(), "anna@new.example", PeerFill.ANNA_PASSWORD)
                .importAll(export, List.of("roster", "vcard", "private_xml", "offline_messages", "pep", "privacy", "blocklist"));
        assertTrue(result.contains("Imported"), result);

        try (PeerClient before = PeerClient.login(old.address(), PeerFill.ANNA, PeerFill.ANNA_PASSWORD);
             PeerClient after = PeerClient.login(fresh.address(), PeerFill.ANNA, PeerFill.ANNA_PASSWORD)) {
            assertEquals(ClientView.roster(before), ClientView.roster(after), "roster: names, groups, subscription states");
            assertEquals(ClientView.vCard(before), ClientView.vCard(after), "vCard with photo");
            for (String[] fragment : new String[][] {{"storage", "storage:bookmarks"}, {"settings", "urn:example:custom"}}) {
                assertEquals(ClientView.privateXml(before, fragment[0], fragment[1]), ClientView.privateXml(after, fragment[0], fragment[1]),
                        "private XML " + fragment[1]);
            }
            assertEquals(ClientView.pep(before, fill.pep().keySet()), ClientView.pep(after, fill.pep().keySet()),
                    "PEP: avatar, nickname, XEP-0402 bookmarks");
            assertEquals(ClientView.privacy(before), ClientView.privacy(after), "privacy lists");
            assertEquals(ClientView.blocklist(before), ClientView.blocklist(after), "blocklist");
            PeerClient.Arrivals arrived = after.goOnline(2, Duration.ofSeconds(10));
            assertEquals(fill.offlineMessages(), arrived.messages().stream().filter(m -> m.getBody() != null).map(Messages::seen).toList(),
                    "the messages waiting for her");
        }
    }

    @Test
    @Order(3)
    void sheAnnouncesTheMoveOnTheOldServerInARealBrowser() throws Exception {
        bobWatching = PeerClient.login(fresh.address(), BOB, PASSWORD);
        bobSaw = bobWatching.watchRequests();
        WebDriver chrome = browser();
        try {
            signIn(chrome, old, "anna@old.example");
            chrome.findElement(By.cssSelector("form[action='move'] input[name='address']")).sendKeys("anna@new.example");
            chrome.findElement(By.cssSelector("form[action='move'] button")).click();
            waitFor(chrome, "Your note is published");
            shot(chrome, "old-move-published", "move");
        } finally {
            chrome.quit();
        }
        try (PeerClient bob = PeerClient.login(fresh.address(), BOB, PASSWORD)) {
            Element items = bob.get("anna@old.example", "pubsub", PeerClient.PUBSUB,
                    "<items node='urn:xmpp:moved:1'><item id='current'/></items>");
            assertTrue(items.asXML().contains("<new-jid>anna@new.example</new-jid>"), "a contact can read the note: " + items.asXML());
        }
    }

    @Test
    @Order(4)
    void aSpoofedNotificationReachesItsTargetUntouched() throws Exception {
        // bob still approves anna@old.example, so his server checks the claim, and the note names someone else
        try (PeerClient carol = PeerClient.login(old.address(), CAROL, PASSWORD)) {
            carol.subscribeAsMoved("bob@new.example", "anna@old.example");
            carol.sync();
        }
        eventually("bob's client gets carol's request", () -> !bobSaw.isEmpty());
        assertEquals(List.of(new PeerClient.Request("carol@old.example", "anna@old.example")), new ArrayList<>(bobSaw),
                "delivered as it came, <moved/> included");
        assertTrue(fresh.log().contains("the statement of anna@old.example names anna@new.example, not carol@old.example"),
                "refused after asking anna@old.example");
        try (PeerClient bob = PeerClient.login(fresh.address(), BOB, PASSWORD)) {
            assertEquals(null, contact(ClientView.roster(bob), "carol@old.example"), "nothing added on bob's behalf");
            assertEquals("both", contact(ClientView.roster(bob), "anna@old.example").subscription());
        }
        bobSaw.clear();

        // the same for dave, who is offline: the request waits for him whole, <moved/> included
        try (PeerClient carol = PeerClient.login(old.address(), CAROL, PASSWORD)) {
            carol.subscribeAsMoved("dave@new.example", "anna@old.example");
            carol.sync();
        }
        eventually("dave's server refuses carol's claim", () -> quietly(() -> fresh.log()
                .contains("the request from carol@old.example to dave@new.example claiming to replace anna@old.example is delivered as it came")));
        try (PeerClient dave = PeerClient.login(fresh.address(), DAVE, PASSWORD)) {
            List<PeerClient.Request> daveSaw = dave.watchRequests();
            eventually("dave gets carol's request when he comes online", () -> !daveSaw.isEmpty());
            assertEquals(List.of(new PeerClient.Request("carol@old.example", "anna@old.example")), new ArrayList<>(daveSaw));
            dave.presence(Presence.Type.unsubscribed, "carol@old.example");
            dave.sync();
        }
    }

    @Test
    @Order(5)
    void sheTellsHerContactsFromTheNewServerAndTheyFollowWithoutTouchingAnything() throws Exception {
        WebDriver chrome = browser();
        try {
            signIn(chrome, fresh, "anna@new.example");
            chrome.findElement(By.cssSelector("form[action='notify'] input[name='address']")).sendKeys("anna@old.example");
            chrome.findElement(By.cssSelector("form[action='notify'] button")).click();
            waitFor(chrome, "We are telling your");
            shot(chrome, "new-telling-contacts", "notify");

            try (PeerClient bob = PeerClient.login(fresh.address(), BOB, PASSWORD);
                 PeerClient ben = PeerClient.login(old.address(), PeerFill.BEN, PeerFill.BEN_PASSWORD)) {
                eventually("bob's roster has anna@new.example, mutual", () -> quietly(() -> {
                    PeerFill.Contact item = contact(ClientView.roster(bob), "anna@new.example");
                    return item != null && item.subscription().equals("both");
                }));
                assertEquals(new PeerFill.Contact("anna@new.example", "Anna from before", "both", false, List.of("Book club", "Neighbours")),
                        contact(ClientView.roster(bob), "anna@new.example"), "name and groups kept");
                assertEquals("to", contact(ClientView.roster(bob), "anna@old.example").subscription(), "the old address's approval revoked");

                eventually("ben's roster (on the old server) has anna@new.example, mutual", () -> quietly(() -> {
                    PeerFill.Contact item = contact(ClientView.roster(ben), "anna@new.example");
                    return item != null && item.subscription().equals("both");
                }));
                PeerFill.Contact benSide = fill.rosters().get(PeerFill.BEN).get(0);
                assertEquals(new PeerFill.Contact("anna@new.example", benSide.name(), "both", false, benSide.groups()),
                        contact(ClientView.roster(ben), "anna@new.example"));
            }
            try (PeerClient dave = PeerClient.login(fresh.address(), DAVE, PASSWORD)) {
                eventually("dave's roster, offline all along, has anna@new.example, mutual", () -> quietly(() -> {
                    PeerFill.Contact item = contact(ClientView.roster(dave), "anna@new.example");
                    return item != null && item.subscription().equals("both");
                }));
                assertEquals(new PeerFill.Contact("anna@new.example", "Anna", "both", false, List.of("Chess")),
                        contact(ClientView.roster(dave), "anna@new.example"));
            }
            try (PeerClient anna = PeerClient.login(fresh.address(), PeerFill.ANNA, PeerFill.ANNA_PASSWORD)) {
                List<PeerFill.Contact> roster = ClientView.roster(anna);
                assertEquals("both", contact(roster, "bob@new.example").subscription());
                assertEquals("both", contact(roster, "ben@old.example").subscription());
            }
            assertEquals(List.of(), new ArrayList<>(bobSaw), "bob's client never saw a request");

            eventually("the new account's page says all contacts were told", () -> {
                chrome.navigate().to(fresh.selfService().toString());
                return body(chrome).contains("contacts were told");
            });
            assertTrue(body(chrome).contains("bob@new.example\naccepted your new address")
                    || body(chrome).contains("bob@new.example accepted your new address"), body(chrome));
            shot(chrome, "new-contacts-told", "notify");
            chrome.manage().deleteAllCookies();
            signIn(chrome, old, "anna@old.example");
            assertTrue(body(chrome).contains("3 of your contacts have switched to your new address; 0 have not yet."), body(chrome));
            shot(chrome, "old-after-move", "move");
        } finally {
            chrome.quit();
        }
    }

    private static WebDriver browser() throws Exception {
        return HeadlessChromium.start(Files.createDirectories(Path.of("target/e2e/chrome")), true);
    }

    private static void signIn(WebDriver chrome, OpenfirePeer server, String address) {
        chrome.navigate().to(server.selfService().toString());
        chrome.findElement(By.name("address")).sendKeys(address);
        chrome.findElement(By.name("password")).sendKeys(PeerFill.ANNA_PASSWORD);
        chrome.findElement(By.cssSelector("form[action='sign-in'] button")).click();
        waitFor(chrome, "Signed in as " + address);
    }

    /** Waits for the page the last click loads: until its text says {@code text}. */
    private static void waitFor(WebDriver chrome, String text) {
        new WebDriverWait(chrome, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    private static String body(WebDriver chrome) {
        return chrome.findElement(By.tagName("body")).getText();
    }

    /** The page, and the section a step is about (below the fold on a phone-sized page), each as a picture. */
    private void shot(WebDriver chrome, String name, String sectionForm) throws Exception {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) chrome).getScreenshotAs(OutputType.BYTES));
        org.openqa.selenium.WebElement section = chrome.findElement(By.xpath("//form[@action='" + sectionForm + "']/ancestor::section"));
        ((org.openqa.selenium.JavascriptExecutor) chrome).executeScript("arguments[0].scrollIntoView(true)", section);
        Files.write(screenshots.resolve(name + "-section.png"), section.getScreenshotAs(OutputType.BYTES));
    }
}

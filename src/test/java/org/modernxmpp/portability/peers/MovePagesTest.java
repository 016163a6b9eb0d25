package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dom4j.Element;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.moved.ContactNotifier;
import org.modernxmpp.portability.moved.Departures;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.moved.NoticeLedger;
import org.modernxmpp.portability.moved.ScriptedRoute;
import org.modernxmpp.portability.moved.Tombstones;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.remote.ServerAddress;
import org.modernxmpp.portability.web.AuditLog;
import org.modernxmpp.portability.web.PortabilityContext;
import org.modernxmpp.portability.web.SelfServiceEndpoint;
import org.modernxmpp.portability.web.Settings;
import org.xmpp.packet.Presence;

/**
 * "Move from my old account" on the self-service page, over real HTTP, from an account on a real peer server (TLS with
 * the test's CA, allowed on loopback by the settings) into an account of an in-memory server: the reading page, the
 * preview of what was found and what would change, the download, the import of the kinds ticked, and "Tell my
 * contacts": the statement as a contact on the peer fetches it, and the requests the new account sends its contacts.
 * Then "Move to a new account elsewhere", from that account into a fresh one on the peer: the preview, the push, this
 * account's statement, and the requests a contact on the peer receives from the new account. The steps run in order,
 * as a person goes through them. A subclass starts the peer and says where it keeps things its own way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MovePagesTest {
    private static final String NEW_DOMAIN = "capulet.example";
    private static final int CHATS = 30;
    private static final Pattern FLOW = Pattern.compile("move-in\\?flow=([0-9a-f-]+)");

    private final String domain = peerDomain();
    final PeerFill fill = new PeerFill(domain);
    private final InMemoryServer server = new InMemoryServer(NEW_DOMAIN);
    private final ScriptedRoute network = new ScriptedRoute();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private Server jetty;
    private URI base;
    private Path work;
    private SelfServiceClient juliet;
    private String flow;
    private boolean moveIn = true;
    private MoveInSettings settings;

    @BeforeAll
    void start() throws Exception {
        startPeer(Map.of(PeerFill.ANNA, PeerFill.ANNA_PASSWORD, PeerFill.BEN, PeerFill.BEN_PASSWORD,
                PeerFill.CLEO, PeerFill.CLEO_PASSWORD, PeerFill.DORA, PeerFill.DORA_PASSWORD));
        fill.fill(address(), peerKind());
        try (PeerClient ben = PeerClient.login(address(), PeerFill.BEN, PeerFill.BEN_PASSWORD)) {
            for (int i = 1; i <= CHATS; i++) {
                ben.sendMessage(fill.jid(PeerFill.ANNA), Message.Type.chat, "chat-" + i, null, "Chat " + i);
            }
            ben.sync();
        }

        work = Files.createDirectories(folder().resolve("site"));
        server.seed(UserData.builder("juliet").password("pw").build());
        server.seed(UserData.builder("romeo").password("pw").build());
        RemoteSettings remote = RemoteSettings.defaults()
                .withServer(new ServerAddress(address().ip(), address().port(), false))
                .withTrustStore(trustStore(), TestCertificates.PASSWORD)
                .withAddresses(AddressPolicy.allowingInternal())
                .withTimeout(Duration.ofSeconds(10));
        Moves moves = new Moves(new ContactNotifier(server.ports().rosters(), network, new NoticeLedger(work.resolve("notices")),
                scheduler, () -> Duration.ofMillis(1), NEW_DOMAIN, Clock.systemUTC()),
                new Departures(work.resolve("departures"), server.ports().rosters(), Clock.systemUTC()),
                new Tombstones(work.resolve("tombstones"), Clock.systemUTC()));
        settings = new MoveInSettings(remote, () -> moveIn);
        PortabilityContext context = new PortabilityContext(server::ports, null, () -> work,
                (user, password) -> (user.equals("juliet") || user.equals("romeo")) && password.equals("pw"), AuditLog.NONE, settings, moves);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(SelfServiceEndpoint.context(context));
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + SelfServiceEndpoint.PATH + "/");
        juliet = SelfServiceClient.signIn(base, "juliet@" + NEW_DOMAIN, "pw");
    }

    @AfterAll
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
        scheduler.shutdownNow();
        stopPeer();
    }

    private HttpResponse<String> connect(String password) throws Exception {
        return juliet.post("move-in", Map.of("csrf", juliet.token(), "step", "connect", "address", fill.jid(PeerFill.ANNA),
                "password", password));
    }

    @Test
    @Order(1)
    void theStartPageOffersTheMoveAndAWrongPasswordIsSaidPlainly() throws Exception {
        assertTrue(juliet.home().contains("Move from my old account"), juliet.home());
        assertTrue(juliet.home().contains("<p class=\"notice\" role=\"note\">This server closes on 31 December."), "the admin's notice");
        HttpResponse<String> wrong = connect("not her password");
        assertEquals(502, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("Your old account could not be read:"), wrong.body());
        assertFalse(wrong.body().contains("not her password"), "the password is never shown back");
    }

    @Test
    @Order(2)
    void switchedOffTheMoveIsRefusedAndNotOffered() throws Exception {
        moveIn = false;
        try {
            assertFalse(juliet.home().contains("Move from my old account"));
            HttpResponse<String> refused = connect(PeerFill.ANNA_PASSWORD);
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("Moving in from another server is switched off"), refused.body());
        } finally {
            moveIn = true;
        }
        settings.moveOut(false);
        try {
            assertFalse(juliet.home().contains("Move to a new account elsewhere"));
            HttpResponse<String> refused = juliet.post("move-out", Map.of("csrf", juliet.token(), "step", "connect",
                    "address", fill.jid(PeerFill.DORA), "password", PeerFill.DORA_PASSWORD));
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("Moving to another server is switched off"), refused.body());
        } finally {
            settings.moveOut(true);
        }
    }

    @Test
    @Order(3)
    void readingTheOldAccountEndsInAPreviewOfWhatWasFoundAndWhatWouldChange() throws Exception {
        HttpResponse<String> started = connect(PeerFill.ANNA_PASSWORD);
        assertEquals(303, started.statusCode(), started.body());
        Matcher m = FLOW.matcher(started.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        flow = m.group(1);
        String page = juliet.get("move-in?flow=" + flow).body();
        for (int i = 0; i < 300 && page.contains("Reading " + fill.jid(PeerFill.ANNA)); i++) {
            assertTrue(page.contains("<meta http-equiv=\"refresh\""), "the reading page reloads itself");
            Thread.sleep(100);
            page = juliet.get("move-in?flow=" + flow).body();
        }
        assertTrue(page.contains("This is what your old account " + fill.jid(PeerFill.ANNA) + " holds"), page);
        assertTrue(page.contains("contacts: 4 read"), page);
        assertTrue(page.contains("message history: "), page);
        assertTrue(page.contains(privacyFound()), page);
        assertTrue(page.contains("4 contacts will be added"), page);
        assertTrue(page.contains("your profile will be set"), page);
        assertTrue(server.snapshot("juliet").roster().isEmpty(), "a preview changes nothing");
    }

    @Test
    @Order(4)
    void theDownloadHoldsEverythingReadWithTheHistory() throws Exception {
        HttpResponse<byte[]> file = juliet.getBytes("move-in?flow=" + flow + "&file");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(fill.jid(PeerFill.ANNA) + ".xml"));
        Path saved = work.resolve("downloaded.xml");
        Files.write(saved, file.body());
        UserData downloaded = OurImport.of(saved, domain).read().get(PeerFill.ANNA);
        assertEquals(OurImport.sorted(fill.rosters().get(PeerFill.ANNA)), OurImport.contacts(downloaded.roster()));
        List<String> messages = downloaded.archive().stream().map(m -> m.message().canonicalForm()).toList();
        for (int i = 1; i <= CHATS; i++) {
            String body = ">Chat " + i + "<";
            assertTrue(messages.stream().anyMatch(m -> m.contains(body)), body + " in the history");
        }
        assertEquals(comparable(Xml.payload(fill.vCard())), comparable(downloaded.vCard()));
    }

    @Test
    @Order(5)
    void theImportBringsTheKindsTickedAndNothingElse() throws Exception {
        List<String> fields = new ArrayList<>(List.of("csrf", juliet.token(), "step", "confirm", "flow", flow, "policy", "merge"));
        for (String kind : List.of("roster", "vcard", "private_xml", "pep", "blocklist")) {
            fields.add("kind");
            fields.add(kind);
        }
        HttpResponse<String> done = juliet.post("move-in", fields);
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("4 contacts were added"), done.body());
        assertTrue(done.body().contains("Tell my contacts"), done.body());
        UserData imported = server.snapshot("juliet");
        List<PeerFill.Contact> expected = OurImport.sorted(fill.rosters().get(PeerFill.ANNA));
        assertEquals(expected, OurImport.contacts(imported.roster()));
        assertEquals(comparable(Xml.payload(fill.vCard())), comparable(imported.vCard()));
        // XEP-0049 has no listing: the pull asks for the namespaces clients use, which the fill's own one is not
        assertEquals(OurImport.fragments(List.of(Xml.payload(fill.privateXml().get(0)))), OurImport.fragments(imported.privateXml()));
        Map<String, Map<String, org.modernxmpp.portability.pie.model.XmlPayload>> pep = OurImport.pep(imported.pepNodes());
        pep.keySet().removeAll(nodesOfTheServer());
        assertEquals(pepAsTheServerKeepsIt(), pep);
        assertEquals(blockedAsTheServerShowsIt(), imported.blocklist().stream().map(Object::toString).sorted().toList());
        assertTrue(imported.archive().isEmpty(), "the history stays in the download");

        HttpResponse<String> again = juliet.post("move-in", fields);
        assertFalse(again.body().contains("contacts were added"), "a second press imports nothing twice");
    }

    @Test
    @Order(6)
    void tellingMyContactsPublishesTheStatementOnTheOldAccountAndAsksEveryContact() throws Exception {
        HttpResponse<String> told = juliet.post("move-in", Map.of("csrf", juliet.token(), "step", "tell", "flow", flow,
                "audience", "contacts"));
        assertEquals(200, told.statusCode(), told.body());
        assertTrue(told.body().contains("Your old account " + fill.jid(PeerFill.ANNA) + " now names this address."), told.body());

        // ben, a contact of anna on the peer, reads the statement as XEP-0283 has a contact's server read it
        try (PeerClient ben = PeerClient.login(address(), PeerFill.BEN, PeerFill.BEN_PASSWORD)) {
            Element pubsub = ben.get(fill.jid(PeerFill.ANNA), "pubsub", "http://jabber.org/protocol/pubsub",
                    "<items node='urn:xmpp:moved:1'/>");
            Element moved = pubsub.element("items").element("item").element("moved");
            assertNotNull(moved, pubsub.asXML());
            assertEquals("juliet@" + NEW_DOMAIN, moved.elementText("new-jid"));
        }

        // the new account asks its contacts, each request naming the old address
        for (int i = 0; i < 200 && network.sent.isEmpty(); i++) {
            Thread.sleep(20);
        }
        List<Presence> requests = network.sent.stream().filter(p -> p.getType() == Presence.Type.subscribe).toList();
        assertFalse(requests.isEmpty(), "the notify job started");
        for (Presence request : requests) {
            assertEquals("juliet@" + NEW_DOMAIN, request.getFrom().toBareJID());
            Element moved = request.getChildElement("moved", "urn:xmpp:moved:1");
            assertNotNull(moved, request.toXML());
            assertEquals(fill.jid(PeerFill.ANNA), moved.elementText("old-jid"));
        }
        assertTrue(requests.stream().anyMatch(p -> p.getTo().toBareJID().equals(fill.jid(PeerFill.BEN))), requests.toString());

        // the move is over: its file is gone and its page with it
        try (Stream<Path> left = Files.list(work.resolve("uploads"))) {
            assertEquals(List.of(), left.toList());
        }
        assertEquals(404, juliet.get("move-in?flow=" + flow).statusCode());
    }

    @Test
    @Order(7)
    void movingOutPushesIntoTheNewAccountPublishesTheStatementHereAndTheNewAccountAsksEachContact() throws Exception {
        String dora = fill.jid(PeerFill.DORA);
        assertTrue(juliet.home().contains("Move to a new account elsewhere"));
        try (AutoCloseable parsesMoved = MovedElement.install();
             PeerClient ben = PeerClient.login(address(), PeerFill.BEN, PeerFill.BEN_PASSWORD)) {
            List<PeerClient.Request> requests = ben.watchRequests();
            HttpResponse<String> started = juliet.post("move-out", Map.of("csrf", juliet.token(), "step", "connect", "address", dora,
                    "password", PeerFill.DORA_PASSWORD));
            assertEquals(303, started.statusCode(), started.body());
            String location = started.headers().firstValue("Location").orElseThrow();
            String outFlow = location.substring(location.indexOf("flow=") + 5);
            String page = waitWhile(location, "Reading this account and your new one");
            assertTrue(page.contains("This is what the move would put into " + dora), page);
            assertTrue(page.contains("4 contacts will be added"), page);
            assertTrue(page.contains("your profile will be set"), page);

            List<String> fields = new ArrayList<>(List.of("csrf", juliet.token(), "step", "confirm", "flow", outFlow, "policy", "merge",
                    "audience", "contacts"));
            for (String kind : List.of("roster", "vcard", "private_xml", "pep", "blocklist")) {
                fields.add("kind");
                fields.add(kind);
            }
            HttpResponse<String> confirmed = juliet.post("move-out", fields);
            assertEquals(303, confirmed.statusCode(), confirmed.body());
            page = waitWhile(location, "Copying into your new account", "is asking your contacts");
            assertTrue(page.contains("Done: this account now names " + dora + "; your new account asked 4 contacts"), page);

            // dora's roster, as her own client reads it: juliet's contacts with their names and groups
            try (PeerClient doraClient = PeerClient.login(address(), PeerFill.DORA, PeerFill.DORA_PASSWORD)) {
                List<String> names = doraClient.roster().stream().map(item -> item.attributeValue("jid") + "|" + item.attributeValue("name"))
                        .sorted().toList();
                List<String> expected = fill.rosters().get(PeerFill.ANNA).stream().map(c -> c.jid() + "|" + c.name()).sorted().toList();
                assertEquals(expected, names);
            }
            // this account's statement names dora
            assertEquals(dora, new org.modernxmpp.portability.moved.MoveAnnouncement(server.ports().pep(), NEW_DOMAIN).current("juliet")
                    .orElseThrow().newJid().toBareJID());
            for (int i = 0; i < 100 && requests.isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertEquals(List.of(new PeerClient.Request(dora, "juliet@" + NEW_DOMAIN)), requests, "ben hears from dora, <moved/> intact");
        }
        try (Stream<Path> left = Files.list(work.resolve("uploads"))) {
            assertEquals(List.of(), left.toList(), "the move's file is gone");
        }
    }

    @Test
    @Order(8)
    void aMoveOverTheTimeLimitIsStoppedAndSaysSoAndTheNextOneMayStart() throws Exception {
        settings.timeLimit(Duration.ofMillis(1));
        try {
            HttpResponse<String> started = connect(PeerFill.ANNA_PASSWORD);
            assertEquals(303, started.statusCode(), started.body());
            String page = waitWhile(started.headers().firstValue("Location").orElseThrow(), "Reading " + fill.jid(PeerFill.ANNA));
            assertTrue(page.contains("Your old account could not be read: it took longer than 0 minutes, the limit on this server"), page);
        } finally {
            settings.timeLimit(Duration.ofHours(3));
        }
        HttpResponse<String> again = connect(PeerFill.ANNA_PASSWORD);
        assertEquals(303, again.statusCode(), "the stopped move gave its place up: " + again.body());
    }

    /** A person in a real browser, without JavaScript: the reading page reloads itself into the preview, one kind unticked. */
    @Test
    @Order(9)
    void inARealBrowserWithoutJavaScriptTheMoveInGoesFromReadingToImported() throws Exception {
        org.modernxmpp.portability.web.HeadlessChromium.assumeInstalled();
        org.openqa.selenium.WebDriver chrome = org.modernxmpp.portability.web.HeadlessChromium.start(
                Files.createDirectories(work.resolve("browser")), false);
        try {
            org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(60));
            java.util.function.Consumer<String> waitFor = text -> wait.withMessage(() -> "no '" + text + "' in:\n" + chrome.getPageSource())
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
            chrome.get(base.toString());
            chrome.findElement(By.name("address")).sendKeys("romeo@" + NEW_DOMAIN);
            chrome.findElement(By.name("password")).sendKeys("pw");
            chrome.findElement(By.cssSelector("form[action='sign-in'] button[type='submit']")).click();
            waitFor.accept("Signed in as romeo@" + NEW_DOMAIN);

            org.openqa.selenium.WebElement form = chrome.findElement(By.cssSelector("form[action='move-in']"));
            form.findElement(By.name("address")).sendKeys(fill.jid(PeerFill.ANNA));
            form.findElement(By.name("password")).sendKeys(PeerFill.ANNA_PASSWORD);
            form.findElement(By.cssSelector("button[type='submit']")).click();

            waitFor.accept("This is what your old account " + fill.jid(PeerFill.ANNA) + " holds");
            org.openqa.selenium.WebElement vCard = chrome.findElement(By.cssSelector("input[name='kind'][value='vcard']"));
            assertTrue(vCard.isSelected(), "every kind is ticked at first");
            vCard.click();
            chrome.findElement(By.xpath("//button[normalize-space()='Import']")).click();

            waitFor.accept("4 contacts were added");
            UserData romeo = server.snapshot("romeo");
            assertEquals(OurImport.sorted(fill.rosters().get(PeerFill.ANNA)), OurImport.contacts(romeo.roster()));
            assertEquals(null, romeo.vCard(), "the profile was unticked");
            chrome.findElement(By.xpath("//button[normalize-space()='Finish without telling my contacts']")).click();
            waitFor.accept("The connection to your old account is closed");
        } finally {
            chrome.quit();
        }
    }

    /** The peer's domain; asked before the peer starts. */
    abstract String peerDomain();

    /** Starts the peer with these accounts (user -> password) and waits until it takes logins. */
    abstract void startPeer(Map<String, String> accounts) throws Exception;

    abstract void stopPeer();

    abstract PeerClient.Address address();

    abstract Path trustStore();

    /** A folder of the test's own. */
    abstract Path folder();

    /** What the peer can hold, for the fill. */
    abstract PeerFill.Peer peerKind();

    /** The preview's line on privacy lists. */
    abstract String privacyFound();

    /** A vCard in the form the peer's own re-encoding compares equal in. */
    Object comparable(org.modernxmpp.portability.pie.model.XmlPayload vCard) {
        return vCard;
    }

    /** The PEP items of the fill as the peer keeps them. */
    Map<String, Map<String, org.modernxmpp.portability.pie.model.XmlPayload>> pepAsTheServerKeepsIt() {
        return OurImport.payloads(fill.pep());
    }

    /** PEP nodes the peer adds of its own. */
    List<String> nodesOfTheServer() {
        return List.of();
    }

    /** What the peer shows a client as blocked. */
    List<String> blockedAsTheServerShowsIt() {
        return PeerFill.BLOCKED;
    }

    private String waitWhile(String location, String... working) throws Exception {
        return juliet.waitWhile(Duration.ofMinutes(1), location, working);
    }
}

package org.modernxmpp.portability.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.web.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xmpp.packet.JID;

/**
 * The end-to-end suite's "whole server" scenario on two real Openfire 5.1 servers (profile e2e): 1,000 generated
 * users are imported into old.example, exported by its admin page as a folder with one file per user, and that
 * folder imported by the admin page of new.example with the host rewrite; every page is driven in headless
 * Chromium. Counts and sample users are compared, and time and the servers' heap are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenfireWholeServerE2E {
    private static final String OLD = "old.example";
    private static final String NEW = "new.example";
    private static final int USERS = Integer.getInteger("e2e.users", 1000);
    /** No PEP nodes: their generated subscribers live on made-up domains, and Openfire would try to reach each. */
    private static final SyntheticExport.Shape SHAPE = new SyntheticExport.Shape(20, 2048, 2, 0, 0, 2);
    private static final Pattern FOLDER = Pattern.compile("Written to the folder (\\S+) on the server");
    private static final Pattern FINISHED = Pattern.compile("Finished after ([^.]+)\\.");

    private final Path screenshots = Path.of("target/e2e/screenshots");
    private OpenfirePeer old;
    private OpenfirePeer fresh;
    private WebDriver chrome;
    private final Map<String, UserData> generated = new HashMap<>();

    @BeforeAll
    void startBothServers() throws Exception {
        Path installation = OpenfirePeer.assumeInstalled();
        HeadlessChromium.assumeInstalled();
        Map<String, String> peers = Map.of(OLD, "127.0.0.4", NEW, "127.0.0.5");
        old = OpenfirePeer.create(installation, "whole-old", "127.0.0.4", OLD, Map.of("probe", "probe-secret"), peers);
        fresh = OpenfirePeer.create(installation, "whole-new", "127.0.0.5", NEW, Map.of("probe", "probe-secret"), peers);
        old.start();
        fresh.start();
        old.awaitReady("probe", "probe-secret", Duration.ofMinutes(3));
        fresh.awaitReady("probe", "probe-secret", Duration.ofMinutes(3));
        chrome = HeadlessChromium.start(Files.createDirectories(Path.of("target/e2e/chrome")), true);
        Files.createDirectories(screenshots);
    }

    @AfterAll
    void stopBothServers() {
        if (chrome != null) {
            chrome.quit();
        }
        if (old != null) {
            old.close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aWholeServerMovesThroughTheAdminPagesAsAFolderOfFiles() throws Exception {
        Path generatedFile = old.home().resolve("accountportability/import/generated.xml");
        generate(generatedFile);

        long started = System.nanoTime();
        String seeded = adminImport(old, "generated.xml", false, "whole-old-import");
        assertTrue(seeded.contains("Users: " + USERS + " done, 0 skipped, 0 failed"), seeded);
        System.out.printf("e2e: %,d users imported into %s in %s (page), %.0f s wall; heap %d MB%n", USERS, OLD,
                finished(seeded), seconds(started), old.heapUsedMb());

        started = System.nanoTime();
        String exported = adminExportFolder(old);
        Matcher folder = FOLDER.matcher(exported);
        assertTrue(folder.find(), exported);
        Path exportFolder = Path.of(folder.group(1));
        System.out.printf("e2e: %,d users exported by %s's admin page as a folder in %s (page), %.0f s wall; heap %d MB%n", USERS, OLD,
                finished(exported), seconds(started), old.heapUsedMb());
        long files;
        try (Stream<Path> all = Files.walk(exportFolder)) {
            files = all.filter(Files::isRegularFile).count();
        }
        assertTrue(files >= USERS + 1, "one file per user and the main file: " + files);
        // the generated users and the two the unattended setup made (admin, probe)
        assertTrue(exported.contains("Users: " + (USERS + 2) + " done, 0 skipped, 0 failed"), exported);

        Path inbox = Files.createDirectories(fresh.home().resolve("accountportability/import"));
        PeerProcess.run(List.of("cp", "-a", exportFolder.toString(), inbox.resolve("from-old").toString()), inbox, Map.of(), Duration.ofMinutes(5));
        started = System.nanoTime();
        String imported = adminImport(fresh, "from-old", true, "whole-new-import");
        assertTrue(imported.contains("Users: " + (USERS + 2) + " done, 0 skipped, 0 failed"), imported);
        System.out.printf("e2e: %,d users imported into %s from that folder, hosts rewritten, in %s (page), %.0f s wall; heap %d MB%n",
                USERS, NEW, finished(imported), seconds(started), fresh.heapUsedMb());

        // counts and samples: the new server's own export of some users against what was generated
        List<String> samples = List.of("user0", "user" + (USERS / 2), "user" + (USERS - 1));
        Map<String, UserData> arrived = exportOf(fresh, samples);
        assertEquals(samples.size(), arrived.size());
        for (String name : samples) {
            UserData expected = generated.get(name);
            UserData actual = arrived.get(name);
            assertEquals(sortedRoster(expected, NEW), sortedRoster(actual, null), name + ": roster, hosts rewritten");
            assertEquals(expected.vCard(), actual.vCard(), name + ": vCard");
            assertEquals(expected.privateXml().size(), actual.privateXml().size(), name + ": private XML");
            assertEquals(expected.offlineMessages().size(), actual.offlineMessages().size(), name + ": offline messages");
            assertEquals(expected.pepNodes().stream().map(PepNode::node).sorted().toList(),
                    actual.pepNodes().stream().map(PepNode::node).sorted().toList(), name + ": PEP nodes");
            assertTrue(PeerClient.canLogin(fresh.address(), name, expected.password()), name + " logs in with the old password");
        }
    }

    private void generate(Path file) throws IOException {
        SyntheticExport synthetic = new SyntheticExport(283);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); PieWriter writer = new PieWriter(out)) {
            for (int i = 0; i < USERS; i++) {
                UserData user = synthetic.user("user" + i, SHAPE);
                UserData whole = withLocalContacts(user.toBuilder().password("pw-" + i).build(), i);
                generated.put(whole.name(), whole);
                writer.write(new PieEntry.HostUser(new JID(OLD), whole));
            }
        }
    }

    /**
     * The generated contacts moved onto the server's own domain: a contact on a made-up domain would make both
     * servers try (and fail) to reach it for every presence, which is a test of DNS, not of the move.
     */
    private static UserData withLocalContacts(UserData user, int index) {
        UserData.Builder local = UserData.builder(user.name()).password(user.password()).account(user.account());
        if (user.vCard() != null) {
            local.vCard(user.vCard());
        }
        user.privateXml().forEach(local::privateXml);
        user.offlineMessages().forEach(local::offlineMessage);
        if (user.privacy() != null) {
            local.privacy(user.privacy());
        }
        user.blocklist().forEach(local::blocked);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RosterItem item : user.roster()) {
            String contact = "user" + Math.floorMod(item.jid().toBareJID().hashCode(), USERS) + "@" + OLD;
            if (!contact.equals("user" + index + "@" + OLD) && seen.add(contact)) {
                local.rosterItem(new RosterItem(new JID(contact), item.name(), item.subscription(), item.ask(), item.approved(),
                        item.groups(), item.extensions()));
            }
        }
        return local.build();
    }

    private static List<String> sortedRoster(UserData user, String rewriteTo) {
        return user.roster().stream().map(RosterItem::jid)
                .map(jid -> rewriteTo != null && OLD.equals(jid.getDomain()) ? new JID(jid.getNode(), rewriteTo, null) : jid)
                .map(JID::toBareJID).sorted(Comparator.naturalOrder()).toList();
    }

    // ---------------------------------------------------------------- the admin pages, in Chromium

    private void signIn(OpenfirePeer server) {
        chrome.manage().deleteAllCookies();
        chrome.navigate().to(admin(server, "login.jsp"));
        chrome.findElement(By.name("username")).sendKeys("admin");
        chrome.findElement(By.name("password")).sendKeys("admin");
        chrome.findElement(By.id("submit")).click();
        new WebDriverWait(chrome, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("login.jsp")));
    }

    private String adminImport(OpenfirePeer server, String name, boolean rewriteHosts, String shot) throws Exception {
        signIn(server);
        chrome.navigate().to(admin(server, "plugins/accountportability/import"));
        chrome.findElement(By.name("serverFile")).sendKeys(name);
        if (rewriteHosts) {
            chrome.findElement(By.name("rewriteHosts")).click();
        }
        chrome.findElement(By.cssSelector("button[name='mode'][value='import']")).click();
        return awaitJob(shot);
    }

    private String adminExportFolder(OpenfirePeer server) throws Exception {
        signIn(server);
        chrome.navigate().to(admin(server, "plugins/accountportability/export"));
        chrome.findElement(By.name("credentials")).click();
        chrome.findElement(By.name("layout")).click();
        chrome.findElement(By.cssSelector("form[method='post'] button[type='submit']")).click();
        return awaitJob("whole-old-export");
    }

    /** Follows the job page (it refreshes itself) until the job has finished; returns the page's text. */
    private String awaitJob(String shot) throws Exception {
        new WebDriverWait(chrome, Duration.ofMinutes(20)).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.contains("Finished after") || text.contains("stopped with an error") ? text : null;
        });
        Files.write(screenshots.resolve(shot + ".png"), ((TakesScreenshot) chrome).getScreenshotAs(OutputType.BYTES));
        return chrome.findElement(By.tagName("body")).getText();
    }

    private Map<String, UserData> exportOf(OpenfirePeer server, List<String> users) throws Exception {
        Path download = server.home().resolve("samples.xml");
        // the download itself over HTTP with the browser's session: Chromium would save it somewhere of its own
        AdminHttp http = AdminHttp.signIn(server);
        Files.write(download, http.export(String.join(" ", users)));
        Map<String, UserData> found = new HashMap<>();
        try (PieReader reader = PieReader.open(download, ReadLimits.DEFAULT)) {
            for (Optional<PieEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (next.get() instanceof PieEntry.HostUser user) {
                    found.put(user.user().name(), user.user());
                }
            }
        }
        return found;
    }

    private static String admin(OpenfirePeer server, String path) {
        return "http://" + server.address().ip() + ":9090/" + path;
    }

    private static String finished(String page) {
        Matcher m = FINISHED.matcher(page);
        return m.find() ? m.group(1) : "?";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

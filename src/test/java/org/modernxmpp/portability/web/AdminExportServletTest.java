package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.ScramCredentials;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** The export page over real HTTP: the form, a download streamed to the browser, and a big export in the background. */
class AdminExportServletTest extends AdminPageFixture {
    private static final Pattern DISPOSITION = Pattern.compile(
            "attachment; filename=\"([^\"]+)\"; filename\\*=UTF-8''(\\S+)");

    /** Juliet with every kind of data (and a plaintext password), and two other users who must not be exported. */
    private UserData seedVerona() {
        SyntheticExport generator = new SyntheticExport(11);
        UserData juliet = passwordOnly(generator.user("juliet", new SyntheticExport.Shape(6, 300, 3, 3, 2)), "balcony-secret");
        server.seed(juliet);
        server.seed(generator.user("romeo", new SyntheticExport.Shape(3, 100, 1, 1, 0)));
        server.seed(generator.user("nurse", new SyntheticExport.Shape(2, 50, 0, 1, 0)));
        return juliet;
    }

    /** The user with a plaintext password and no SCRAM hashes (a file holds one or the other; hashes win). */
    static UserData passwordOnly(UserData user, String password) {
        UserData.Builder b = UserData.builder(user.name()).account(user.account()).password(password).vCard(user.vCard())
                .privacy(user.privacy());
        user.roster().forEach(b::rosterItem);
        user.pendingSubscriptions().forEach(b::pendingSubscription);
        user.privateXml().forEach(b::privateXml);
        user.offlineMessages().forEach(b::offlineMessage);
        user.pepNodes().forEach(b::pepNode);
        user.blocklist().forEach(b::blocked);
        user.archive().forEach(b::archived);
        return b.build();
    }

    /** Every kind the in-memory server keeps, compared one by one; credentials only when the file should have them. */
    static void assertSameUser(UserData seeded, UserData exported, boolean withCredentials) {
        assertAll(seeded.name(),
                () -> assertEquals(seeded.name(), exported.name()),
                () -> assertEquals(seeded.account(), exported.account(), "account details"),
                () -> assertEquals(seeded.roster(), exported.roster(), "roster"),
                () -> assertEquals(seeded.pendingSubscriptions(), exported.pendingSubscriptions(), "pending subscriptions"),
                () -> assertEquals(seeded.vCard(), exported.vCard(), "vCard"),
                () -> assertEquals(seeded.privateXml(), exported.privateXml(), "private XML"),
                () -> assertEquals(seeded.offlineMessages(), exported.offlineMessages(), "offline messages"),
                () -> assertEquals(seeded.pepNodes(), exported.pepNodes(), "PEP nodes"),
                () -> assertEquals(seeded.privacy(), exported.privacy(), "privacy lists"),
                () -> assertEquals(seeded.blocklist(), exported.blocklist(), "blocklist"),
                () -> assertEquals(seeded.archive(), exported.archive(), "archive"),
                () -> {
                    if (withCredentials) {
                        assertEquals(seeded.scram().isEmpty() ? seeded.password() : null, exported.password(), "password");
                        assertEquals(seeded.scram(), exported.scram(), "SCRAM credentials");
                    } else {
                        assertNull(exported.password(), "no password without credentials");
                        assertEquals(List.of(), exported.scram(), "no SCRAM without credentials");
                    }
                });
    }

    @Test
    void theFormCarriesTheTokenTheConsoleIssued() throws Exception {
        HttpResponse<String> page = console.get("export");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<form method=\"post\">"), page.body());
        assertEquals(console.csrf().lastIssued(), AdminConsole.formToken(page.body()));
        assertTrue(page.body().contains("name=\"users\"") && page.body().contains("name=\"credentials\"")
                && page.body().contains("name=\"background\""), page.body());
    }

    @Test
    void exportOfOneUserIsAnUncachedAttachmentHoldingExactlyHerWithoutCredentials() throws Exception {
        UserData juliet = seedVerona();

        HttpResponse<byte[]> response = console.export(Map.of("users", "juliet"));

        assertEquals(200, response.statusCode(), AdminConsole.body(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"),
                response.headers().toString());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        Matcher names = DISPOSITION.matcher(disposition);
        assertTrue(names.matches(), disposition);
        assertEquals(names.group(1), java.net.URLDecoder.decode(names.group(2), StandardCharsets.UTF_8),
                "both forms name the same file");
        Matcher dated = Pattern.compile("juliet@capulet\\.example-(\\d{4}-\\d{2}-\\d{2})\\.xml").matcher(names.group(1));
        assertTrue(dated.matches(), names.group(1));
        LocalDate day = LocalDate.parse(dated.group(1));
        assertTrue(!day.isAfter(LocalDate.now()) && !day.isBefore(LocalDate.now().minusDays(1)), "dated today: " + day);

        List<PieEntry.HostUser> users = AdminConsole.users(response.body());
        assertEquals(List.of("juliet"), users.stream().map(u -> u.user().name()).toList());
        assertEquals(AdminConsole.DOMAIN, users.get(0).host().getDomain());
        assertSameUser(juliet, users.get(0).user(), false);
        String xml = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(xml.contains("balcony-secret"), "the password is not in the file");
        assertFalse(xml.contains("scram"), "no SCRAM element in the file");
    }

    @Test
    void onlyTheTickedKindsAreExported() throws Exception {
        UserData juliet = seedVerona();
        assertTrue(juliet.vCard() != null && !juliet.roster().isEmpty(), "the seeded user has both");

        HttpResponse<byte[]> response = console.export(Map.of("users", "juliet", "kinds", "chosen", "kind", "roster"));

        UserData exported = AdminConsole.users(response.body()).get(0).user();
        assertEquals(juliet.roster(), exported.roster());
        assertNull(exported.vCard(), "the profile was not ticked");
        assertNull(exported.account(), "nor the account's details");
        assertTrue(AdminConsole.body(console.get("export")).contains("name=\"kind\" value=\"vcard\" checked"), "all are ticked at first");
    }

    @Test
    void withCredentialsTheFileSaysSoInItsNameAndHoldsThePassword() throws Exception {
        UserData juliet = seedVerona();
        ScramCredentials hash = new ScramCredentials("SCRAM-SHA-1", 4096, new byte[16], new byte[20], new byte[20]);
        UserData tybalt = UserData.builder("tybalt").scram(hash).build();
        server.seed(tybalt);

        HttpResponse<byte[]> response = console.export(Map.of("users", "Juliet@capulet.example", "credentials", "true"));
        HttpResponse<byte[]> hashed = console.export(Map.of("users", "tybalt", "credentials", "true"));

        assertEquals(200, response.statusCode(), AdminConsole.body(response));
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"juliet@capulet\\.example-\\d{4}-\\d{2}-\\d{2}-with-credentials\\.xml\";"
                + " filename\\*=UTF-8''juliet%40capulet\\.example-\\d{4}-\\d{2}-\\d{2}-with-credentials\\.xml"), disposition);
        List<PieEntry.HostUser> users = AdminConsole.users(response.body());
        assertEquals(1, users.size());
        assertSameUser(juliet, users.get(0).user(), true);
        assertEquals("balcony-secret", users.get(0).user().password());
        assertTrue(audit.contains("Account Portability: exported juliet@capulet.example with credentials"
                + " | users: Juliet@capulet.example; credentials: true"), "an export with credentials is audited: " + audit);
        assertEquals(List.of(hash), AdminConsole.users(hashed.body()).get(0).user().scram(), "SCRAM hashes are exported as they are");
    }

    @Test
    void anEmptyUserFieldExportsEveryone() throws Exception {
        seedVerona();

        HttpResponse<byte[]> response = console.export(Map.of("users", ""));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"all-users-"));
        assertEquals(List.of("juliet", "nurse", "romeo"),
                AdminConsole.users(response.body()).stream().map(u -> u.user().name()).sorted().toList());
        assertEquals(0, server.writes(), "an export writes nothing");
    }

    @Test
    void aBackgroundExportIsWrittenIntoTheWorkFolderAndOfferedForDownload() throws Exception {
        UserData juliet = seedVerona();

        HttpResponse<byte[]> started = console.export(Map.of("users", "juliet romeo", "background", "true"));

        String id = AdminConsole.jobId(started);
        String done = console.awaitDone(id);
        assertTrue(done.contains("Download the export"), done);
        assertTrue(done.contains("<a href=\"job?id=" + id + "&amp;download=1\">"), done);
        assertTrue(done.contains("Users: 2 done, 0 skipped, 0 failed"), done);

        HttpResponse<byte[]> download = console.getBytes("job?id=" + id + "&download=1");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        assertEquals("no-store", download.headers().firstValue("Cache-Control").orElse(null));
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"2-users-\\d{4}-\\d{2}-\\d{2}\\.xml\"; filename\\*=.*"), disposition);
        List<PieEntry.HostUser> users = AdminConsole.users(download.body());
        assertEquals(List.of("juliet", "romeo"), users.stream().map(u -> u.user().name()).toList());
        assertSameUser(juliet, users.get(0).user(), false);
        assertSameUser(server.snapshot("romeo"), users.get(1).user(), false);

        Path exports = work.resolve("exports");
        List<Path> files;
        try (Stream<Path> list = Files.walk(exports)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertEquals(exports, files.get(0).getParent().getParent(), "each job writes into a folder of its own under exports/");
        assertTrue(files.get(0).getFileName().toString().matches("2-users-\\d{4}-\\d{2}-\\d{2}\\.xml"), files.toString());
        assertArrayEquals(Files.readAllBytes(files.get(0)), download.body(), "the download is the file in the work folder");
    }

    @Test
    void anAdminFindsAUserByPartOfTheNameAndExportsThatOne() throws Exception {
        seedVerona();

        String found = console.get("export?search=" + java.net.URLEncoder.encode("LIE", java.nio.charset.StandardCharsets.UTF_8)).body();
        assertTrue(found.contains("<input type=\"checkbox\" name=\"user\" value=\"juliet\"> juliet</label>"), found);
        assertTrue(!found.contains("value=\"romeo\""), "only names containing the text, whatever its case");
        assertTrue(console.get("export?search=tybalt").body().contains("No user name contains \u201ctybalt\u201d."));
        assertTrue(console.get("export?search=%3Cscript%3E").body().contains("&lt;script&gt;"), "the search text is escaped");

        HttpResponse<byte[]> response = console.export(Map.of("user", "juliet"));
        assertEquals(List.of("juliet"), AdminConsole.users(response.body()).stream().map(u -> u.user().name()).toList());
    }

    @Test
    void aWholeServerExportInTheFolderLayoutReadsBackUserByUser() throws Exception {
        UserData juliet = seedVerona();

        String id = AdminConsole.jobId(console.export(Map.of("layout", "folder")));
        String done = console.awaitDone(id);

        assertTrue(done.contains("Written to the folder <code>"), done);
        assertTrue(!done.contains("download=1"), "a folder is not offered as a download");
        assertTrue(console.getBytes("job?id=" + id + "&download=1").headers().firstValue("Content-Disposition").isEmpty(),
                "nor sent when asked for (the job page comes instead)");
        Path folder;
        try (Stream<Path> found = Files.walk(work.resolve("exports"))) {
            folder = found.filter(p -> p.getFileName().toString().equals("server-data.xml")).findFirst().orElseThrow().getParent();
        }
        assertTrue(done.contains(Html.escape(folder.toString())), done);
        List<PieEntry.HostUser> users = AdminConsole.users(folder);
        assertEquals(List.of("juliet", "nurse", "romeo"), users.stream().map(u -> u.user().name()).sorted().toList());
        assertSameUser(juliet, users.stream().filter(u -> u.user().name().equals("juliet")).findFirst().orElseThrow().user(), false);
        long userFiles;
        try (Stream<Path> files = Files.walk(folder)) {
            userFiles = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("server-data.xml")).count();
        }
        assertTrue(userFiles >= 3, "one file per user (and one per host): " + userFiles);
    }

    private static RosterItem contact(String jid) {
        return new RosterItem(new JID(jid), null, RosterItem.Subscription.BOTH, List.of());
    }

    /** Each background export's download must be the file that job wrote. */
    @Test
    void twoBackgroundExportsOfTheSameUserOnOneDayKeepTheirOwnFiles() throws Exception {
        server.seed(UserData.builder("juliet").password("pw").rosterItem(contact("romeo@montague.example")).build());
        String first = AdminConsole.jobId(console.export(Map.of("users", "juliet", "background", "true")));
        console.awaitDone(first);
        server.seed(UserData.builder("juliet").rosterItem(contact("paris@verona.example")).build());
        String second = AdminConsole.jobId(console.export(Map.of("users", "juliet", "background", "true")));
        console.awaitDone(second);

        List<PieEntry.HostUser> firstFile = AdminConsole.users(console.getBytes("job?id=" + first + "&download=1").body());
        List<PieEntry.HostUser> secondFile = AdminConsole.users(console.getBytes("job?id=" + second + "&download=1").body());

        assertEquals(2, secondFile.get(0).user().roster().size());
        assertEquals(List.of(contact("romeo@montague.example")), firstFile.get(0).user().roster(),
                "the first job's download is what the first job exported");
    }

    /** Usernames typed in the form are matched whatever the server's default locale. */
    @Test
    void typedUsernamesAreMatchedInATurkishLocaleToo() throws Exception {
        server.seed(UserData.builder("juliet").password("pw").build());
        Locale before = Locale.getDefault();
        HttpResponse<byte[]> response;
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            response = console.export(Map.of("users", "JULIET"));
        } finally {
            Locale.setDefault(before);
        }

        assertEquals(List.of("juliet"), AdminConsole.users(response.body()).stream().map(u -> u.user().name()).toList());
    }
}

package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** The import page over real HTTP: a multipart upload, preview and import, policies, host rewrite, real peer files. */
class AdminImportServletTest extends AdminPageFixture {

    private static UserData romeo() {
        return AdminExportServletTest.passwordOnly(new SyntheticExport(7).user("romeo", new SyntheticExport.Shape(5, 200, 2, 2, 0)),
                "wherefore");
    }

    private static RosterItem item(String jid, String name, RosterItem.Subscription subscription, String... groups) {
        return new RosterItem(new JID(jid), name, subscription, List.of(groups));
    }

    private List<Path> uploadsLeft() throws IOException {
        Path uploads = work.resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    @Test
    void theMultipartFormCarriesTheIssuedTokenInItsAction() throws Exception {
        HttpResponse<String> page = console.get("import");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("enctype=\"multipart/form-data\""), page.body());
        assertEquals(console.csrf().lastIssued(), AdminConsole.importToken(page.body()));
        assertTrue(page.body().contains("<input type=\"file\" name=\"file\">"), page.body());
        assertTrue(page.body().contains("<input name=\"serverFile\"") && page.body().contains("<input name=\"users\"")
                && page.body().contains("<select name=\"policy.roster\">"), page.body());
        assertTrue(page.body().contains("name=\"mode\" value=\"preview\"") && page.body().contains("name=\"mode\" value=\"import\""));
    }

    @Test
    void aPreviewIsADryRunThatWritesNothing() throws Exception {
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(romeo()));

        HttpResponse<String> posted = console.upload("romeo.xml", file, "preview", Map.of());

        String page = console.awaitDone(AdminConsole.jobId(posted));
        assertTrue(page.contains("<h2>Preview of romeo.xml</h2>"), page);
        assertTrue(page.contains("Dry run: nothing was written. This is what an import would do."), page);
        assertTrue(page.contains("romeo@capulet.example: done"), page);
        assertEquals(0, server.writes());
        assertFalse(server.ports().accounts().exists("romeo"));
        assertEquals(List.of(), uploadsLeft(), "the upload is deleted once read");
    }

    @Test
    void anImportCreatesTheAccountWithItsData() throws Exception {
        UserData romeo = romeo();

        HttpResponse<String> posted = console.upload("romeo.xml", AdminConsole.file(AdminConsole.DOMAIN, List.of(romeo)), "import", Map.of());

        String page = console.awaitDone(AdminConsole.jobId(posted));
        assertTrue(page.contains("<h2>Import of romeo.xml</h2>"), page);
        assertFalse(page.contains("Dry run"), page);
        assertTrue(page.contains("Users: 1 done, 0 skipped, 0 failed"), page);
        assertTrue(page.contains("<caption>By kind of data</caption><tr><th scope=\"col\">Kind</th><th scope=\"col\">created</th>"), page);
        assertTrue(page.contains("<tr><th scope=\"row\">contacts</th><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>"
                + (romeo.roster().size() + romeo.pendingSubscriptions().size()) + "</td></tr>"),
                "the at-a-glance table counts the user and its contacts (items and waiting requests): " + page);
        assertTrue(server.ports().accounts().exists("romeo"));
        UserData stored = server.snapshot("romeo");
        assertAll(
                () -> assertEquals("wherefore", stored.password()),
                () -> assertEquals(romeo.roster(), stored.roster(), "roster"),
                () -> assertEquals(romeo.pendingSubscriptions(), stored.pendingSubscriptions(), "pending subscriptions"),
                () -> assertEquals(romeo.vCard(), stored.vCard(), "vCard"),
                () -> assertEquals(romeo.privateXml(), stored.privateXml(), "private XML"),
                () -> assertEquals(romeo.offlineMessages(), stored.offlineMessages(), "offline messages"),
                () -> assertEquals(romeo.pepNodes(), stored.pepNodes(), "PEP nodes"),
                () -> assertEquals(romeo.blocklist(), stored.blocklist(), "blocklist"),
                () -> assertEquals(romeo.privacy() == null ? null : romeo.privacy().lists(),
                        stored.privacy() == null ? null : stored.privacy().lists(), "privacy lists"));
        if (romeo.account() != null) {
            assertEquals(romeo.account(), stored.account());
        }
        assertEquals(List.of(), uploadsLeft(), "the upload is deleted once read");
    }

    /** Romeo's roster on the server before, and the one in the file. */
    private byte[] seedRomeoAndHisFile() throws IOException {
        server.seed(UserData.builder("romeo").password("own")
                .rosterItem(item("paris@capulet.example", "Paris", RosterItem.Subscription.BOTH))
                .rosterItem(item("juliet@capulet.example", "My Juliet", RosterItem.Subscription.BOTH, "Lovers"))
                .build());
        return AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("other")
                .rosterItem(item("juliet@capulet.example", "Juliet", RosterItem.Subscription.NONE, "Capulet"))
                .rosterItem(item("benvolio@montague.example", "Benvolio", RosterItem.Subscription.TO, "Montague"))
                .build()));
    }

    @Test
    void mergeAddsWhatIsMissingToAnExistingRoster() throws Exception {
        byte[] file = seedRomeoAndHisFile();

        String page = console.awaitDone(AdminConsole.jobId(console.upload("romeo.xml", file, "import", Map.of("policy", "merge"))));

        assertEquals(List.of(item("paris@capulet.example", "Paris", RosterItem.Subscription.BOTH),
                item("juliet@capulet.example", "My Juliet", RosterItem.Subscription.BOTH, "Lovers", "Capulet"),
                item("benvolio@montague.example", "Benvolio", RosterItem.Subscription.TO, "Montague")),
                server.snapshot("romeo").roster());
        assertEquals("own", server.snapshot("romeo").password(), "an existing account keeps its password");
        assertTrue(page.contains("  contacts: merged (2 changes)"), page);
    }

    @Test
    void replaceMakesAnExistingRosterEqualTheFile() throws Exception {
        byte[] file = seedRomeoAndHisFile();

        String page = console.awaitDone(AdminConsole.jobId(console.upload("romeo.xml", file, "import", Map.of("policy", "replace"))));

        assertEquals(List.of(item("juliet@capulet.example", "Juliet", RosterItem.Subscription.NONE, "Capulet"),
                item("benvolio@montague.example", "Benvolio", RosterItem.Subscription.TO, "Montague")),
                server.snapshot("romeo").roster());
        assertTrue(page.contains("remove paris@capulet.example"), page);
        assertTrue(page.contains("  contacts: replaced (3 changes)"), page);
    }

    private static byte[] peer(String path) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/peers", path));
    }

    @Test
    void aProsodyExportIsImportedIntoThisDomainWithTheHostRewrite() throws Exception {
        byte[] file = peer("prosody/juliet@prosody.example.xml");

        String page = console.awaitDone(AdminConsole.jobId(
                console.upload("juliet@prosody.example.xml", file, "import", Map.of("rewriteHosts", "true"))));

        assertTrue(page.contains("juliet@capulet.example (from juliet@prosody.example): done"), page);
        assertTrue(server.ports().accounts().exists("juliet"));
        UserData juliet = server.snapshot("juliet");
        List<String> contacts = juliet.roster().stream().map(i -> i.jid().toBareJID()).toList();
        assertTrue(contacts.contains("romeo@capulet.example"), "contacts of the old host move with it: " + contacts);
        assertTrue(contacts.contains("rosaline@verona.example"), "contacts elsewhere stay: " + contacts);
        assertEquals("Juliet Capulet", juliet.vCard().element().elementText("FN"));
        assertEquals(1, juliet.scram().size(), "Prosody's SCRAM-SHA-1 hash is kept");
    }

    @Test
    void withoutTheHostRewriteAnotherServersUsersAreSkippedAndNothingIsWritten() throws Exception {
        byte[] file = peer("prosody/juliet@prosody.example.xml");

        String page = console.awaitDone(AdminConsole.jobId(console.upload("juliet@prosody.example.xml", file, "import", Map.of())));

        assertTrue(page.contains("Users: 0 done, 1 skipped, 0 failed"), page);
        assertTrue(page.contains("host prosody.example is not this server&#39;s domain capulet.example"), page);
        assertEquals(0, server.writes());
        assertFalse(server.ports().accounts().exists("juliet"));
    }

    /**
     * ejabberd exports a main file that XIncludes one file per host. One upload cannot carry the included file, and a
     * stream has no folder to resolve it in: the job must say so rather than import nothing silently.
     */
    @Test
    void anEjabberdMainFileAloneEndsWithAClearErrorAndWritesNothing() throws Exception {
        byte[] file = peer("ejabberd/20261125-174927.xml");

        String page = console.awaitDone(AdminConsole.jobId(
                console.upload("20261125-174927.xml", file, "import", Map.of("rewriteHosts", "true"))));

        assertTrue(page.contains("The job stopped with an error"), page);
        assertTrue(page.toLowerCase(java.util.Locale.ROOT).contains("include"), page);
        assertEquals(0, server.writes());
        assertEquals(List.of(), uploadsLeft());
    }

    @Test
    void anEmptyUploadIsABadRequestAndStartsNoJob() throws Exception {
        HttpResponse<String> response = console.upload("empty.xml", new byte[0], "import", Map.of());

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("No file was uploaded; nothing was imported."), response.body());
        assertEquals(List.of(), jobs.all());
        assertEquals(List.of(), uploadsLeft());
    }

    @Test
    void aFormWithoutAFileIsABadRequest() throws Exception {
        String token = AdminConsole.importToken(console.get("import").body());

        HttpResponse<String> response = console.postMultipart("import?csrf=" + token,
                List.of(AdminConsole.Part.field("mode", "import"), AdminConsole.Part.field("policy", "merge")));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of(), jobs.all());
    }

    /** The form as a browser sends it when no file was chosen but a file on the server was named. */
    private HttpResponse<String> importServerFile(String serverFile, Map<String, String> fields) throws Exception {
        String token = AdminConsole.importToken(console.get("import").body());
        List<AdminConsole.Part> parts = new java.util.ArrayList<>();
        parts.add(AdminConsole.Part.file("", new byte[0]));
        parts.add(AdminConsole.Part.field("serverFile", serverFile));
        fields.forEach((name, value) -> parts.add(AdminConsole.Part.field(name, value)));
        parts.add(AdminConsole.Part.field("mode", "import"));
        return console.postMultipart("import?csrf=" + token, parts);
    }

    @Test
    void aFileAlreadyInTheServersImportFolderIsImportedAndKept() throws Exception {
        Path file = work.resolve("import/prosody/juliet.xml");
        Files.createDirectories(file.getParent());
        Files.write(file, peer("prosody/juliet@prosody.example.xml"));

        String page = console.awaitDone(AdminConsole.jobId(importServerFile(" prosody/juliet.xml ", Map.of("rewriteHosts", "true"))));

        assertTrue(page.contains("<h2>Import of prosody/juliet.xml</h2>"), page);
        assertTrue(page.contains("juliet@capulet.example (from juliet@prosody.example): done"), page);
        assertTrue(server.ports().accounts().exists("juliet"));
        assertTrue(Files.exists(file), "a file of the import folder is the admin's: it stays");
        assertTrue(audit.stream().anyMatch(a -> a.startsWith("Account Portability: started an import of prosody/juliet.xml")
                && a.contains("from the server's import folder")), audit.toString());
    }

    /** ejabberd's export is a main file and one included file per host: too much for one upload, fine as a folder. */
    @Test
    void anEjabberdExportFolderInTheImportFolderIsImportedWithItsIncludes() throws Exception {
        Path folder = Files.createDirectories(work.resolve("import/ejabberd"));
        for (String name : List.of("20261125-174927.xml", "20261125-174927_ejabberd_example.xml")) {
            Files.write(folder.resolve(name), peer("ejabberd/" + name));
        }

        String page = console.awaitDone(AdminConsole.jobId(importServerFile("ejabberd", Map.of("rewriteHosts", "true"))));

        assertTrue(page.contains("0 skipped, 0 failed"), page);
        assertTrue(page.contains("juliet@capulet.example (from juliet@ejabberd.example): done"), page);
        assertTrue(server.ports().accounts().exists("juliet"));
    }

    @Test
    void aServerFileNamedOutsideTheImportFolderIsRefused() throws Exception {
        byte[] romeo = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw").build()));
        Path secret = Files.write(work.resolve("secret.xml"), romeo);
        Path importFolder = Files.createDirectories(work.resolve("import"));
        Files.createSymbolicLink(importFolder.resolve("link.xml"), secret);
        Files.createDirectories(importFolder.resolve("sub"));

        for (String name : List.of("../secret.xml", "sub/../../secret.xml", secret.toString(), "link.xml", "missing.xml", ".", "sub/..")) {
            HttpResponse<String> response = importServerFile(name, Map.of());

            assertEquals(400, response.statusCode(), name + ": " + response.body());
            assertTrue(response.body().contains("There is no file or folder &#39;" + Html.escape(name) + "&#39; inside "), response.body());
            assertTrue(response.body().contains("nothing was imported"), response.body());
        }
        assertEquals(List.of(), jobs.all(), "no job started");
        assertFalse(server.ports().accounts().exists("romeo"));
        assertEquals(0, server.writes());
        assertTrue(audit.isEmpty(), audit.toString());
    }

    @Test
    void onlyTheUsersNamedInTheFormAreImported() throws Exception {
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw").build(),
                UserData.builder("benvolio").password("pw").build(), UserData.builder("mercutio").password("pw").build()));

        String page = console.awaitDone(AdminConsole.jobId(console.upload("montagues.xml", file, "import",
                Map.of("users", " ROMEO, mercutio@capulet.example "))));

        assertEquals(java.util.Set.of("romeo", "mercutio"), server.usernames());
        assertTrue(page.contains("1 users of the file were not selected for this import"), page);
    }

    @Test
    void aKindCanBeLeftOutWhileTheOthersAreImported() throws Exception {
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw")
                .rosterItem(item("juliet@capulet.example", "Juliet", RosterItem.Subscription.BOTH)).build()));

        String page = console.awaitDone(AdminConsole.jobId(console.upload("romeo.xml", file, "import",
                Map.of("policy", "merge", "policy.roster", "skip"))));

        assertTrue(server.ports().accounts().exists("romeo"));
        assertEquals(List.of(), server.snapshot("romeo").roster());
        assertTrue(page.contains("  contacts: skipped"), page);
        assertTrue(audit.stream().anyMatch(a -> a.contains("ROSTER=SKIP")), audit.toString());
    }
}

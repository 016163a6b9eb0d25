package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.transfer.BackgroundJob;
import org.xmpp.packet.JID;

/**
 * CSRF: every form of the three pages carries exactly the token the console issued for that request (so the
 * console's check lets the admin's own POSTs through), and POSTs without it or with another one reach no page and
 * change nothing. The check itself is {@link OpenfireCsrfStandIn}'s, as in production it is Openfire's.
 */
class ForgedPostTest extends AdminPageFixture {
    private static final String FORGED = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static void assertTurnedAway(HttpResponse<?> response) {
        assertEquals(302, response.statusCode(), AdminConsole.body(response));
        assertFalse(response.headers().firstValue("Location").orElse("").contains("job?id="),
                "not the redirect a page sends after starting a job");
        assertTrue(response.headers().firstValue("Content-Disposition").isEmpty(), "no download");
    }

    @Test
    void everyFormCarriesTheTokenIssuedForItsPage() throws Exception {
        String export = AdminConsole.formToken(console.get("export").body());
        String exportIssued = console.csrf().lastIssued();
        String importToken = AdminConsole.importToken(console.get("import").body());
        String importIssued = console.csrf().lastIssued();

        assertEquals(exportIssued, export);
        assertEquals(importIssued, importToken);
        assertNotEquals(export, importToken, "a fresh token per page, as the console issues them");
    }

    @Test
    void aForgedExportReachesNoPageAndNothingIsExported() throws Exception {
        server.seed(UserData.builder("juliet").password("balcony").build());
        console.get("export");
        int before = console.csrf().rejected();

        HttpResponse<byte[]> missing = console.postForm("export", form("users", "juliet", "credentials", "true"));
        HttpResponse<byte[]> wrong = console.postForm("export", form("users", "juliet", "credentials", "true", "csrf", FORGED));
        HttpResponse<byte[]> background = console.postForm("export",
                form("users", "juliet", "credentials", "true", "background", "true", "csrf", FORGED));

        assertTurnedAway(missing);
        assertTurnedAway(wrong);
        assertTurnedAway(background);
        assertFalse(new String(missing.body(), java.nio.charset.StandardCharsets.UTF_8).contains("balcony"));
        assertEquals(before + 3, console.csrf().rejected());
        assertEquals(List.of(), jobs.all(), "no background job");
        assertFalse(Files.exists(work.resolve("exports")), "no file written");
        assertEquals(List.of(), audit, "nothing to audit: no page was reached");
    }

    @Test
    void aForgedImportReachesNoPageAndNothingIsImported() throws Exception {
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw").build()));
        console.get("import");
        List<AdminConsole.Part> parts = List.of(AdminConsole.Part.file("romeo.xml", file), AdminConsole.Part.field("mode", "import"));

        HttpResponse<String> missing = console.postMultipart("import", parts);
        HttpResponse<String> wrong = console.postMultipart("import?csrf=" + FORGED, parts);
        List<AdminConsole.Part> inBody = new ArrayList<>(parts);
        inBody.add(AdminConsole.Part.field("csrf", FORGED));
        HttpResponse<String> wrongInBody = console.postMultipart("import", inBody);

        assertTurnedAway(missing);
        assertTurnedAway(wrong);
        assertTurnedAway(wrongInBody);
        assertEquals(List.of(), jobs.all(), "no job");
        assertFalse(server.ports().accounts().exists("romeo"));
        assertEquals(0, server.writes());
        assertFalse(Files.exists(work.resolve("uploads")), "nothing stored");
        assertEquals(List.of(), audit);
    }

    @Test
    void aForgedCancelDoesNotStopTheJob() throws Exception {
        GatedRosters gate = new GatedRosters(server.ports());
        console.use(context(gate::ports));
        List<UserData> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(UserData.builder("user" + i).password("pw")
                    .rosterItem(new RosterItem(new JID("friend@verona.example"), "Friend", RosterItem.Subscription.BOTH, List.of()))
                    .build());
        }
        String id = AdminConsole.jobId(console.upload("five.xml", AdminConsole.file(AdminConsole.DOMAIN, users), "import", Map.of()));
        try {
            assertTrue(gate.awaitHeld(), "the job reached its first user");
            String running = console.get("job?id=" + id).body();
            assertEquals(console.csrf().lastIssued(), AdminConsole.formToken(running), "the cancel form carries the issued token");
            assertTrue(running.contains("name=\"action\" value=\"cancel\""), running);

            assertTurnedAway(console.postForm("job?id=" + id, form("id", id, "action", "cancel")));
            assertTurnedAway(console.postForm("job?id=" + id, form("id", id, "action", "cancel", "csrf", FORGED)));

            BackgroundJob job = jobs.get(id).orElseThrow();
            assertFalse(job.progress().cancelRequested(), "a forged cancel reaches no page");
            assertTrue(audit.stream().noneMatch(a -> a.contains("cancelled")), audit.toString());
        } finally {
            gate.open();
        }
        String done = console.awaitDone(id);
        assertFalse(done.contains("Cancelled"), done);
        assertTrue(done.contains("Users: 5 done, 0 skipped, 0 failed"), done);
        assertEquals(5, server.usernames().size());
    }
}

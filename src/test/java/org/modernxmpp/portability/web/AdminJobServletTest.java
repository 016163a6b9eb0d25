package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** The job page over real HTTP: unknown jobs, the JSON report, progress while running, and cancel. */
class AdminJobServletTest extends AdminPageFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        HttpResponse<String> unknown = console.get("job?id=0123456789abcdef01234567");
        HttpResponse<String> none = console.get("job");

        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("There is no such job"), unknown.body());
        assertEquals(404, none.statusCode());
        String token = AdminConsole.formToken(console.get("export").body());
        HttpResponse<byte[]> cancel = console.postForm("job", Map.of("id", "0123456789abcdef01234567", "action", "cancel",
                "csrf", token));
        assertEquals(404, cancel.statusCode(), AdminConsole.body(cancel));
    }

    @Test
    void theReportComesAsJsonWithItsCounts() throws Exception {
        server.seed(UserData.builder("nurse").password("own").build());
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw").build(),
                UserData.builder("nurse").password("pw").build()));
        byte[] other = AdminConsole.file("montague.example", List.of(UserData.builder("benvolio").password("pw").build()));
        String id = AdminConsole.jobId(console.upload("romeo.xml", file, "import", Map.of()));
        console.awaitDone(id);
        String skipped = AdminConsole.jobId(console.upload("benvolio.xml", other, "preview", Map.of()));
        console.awaitDone(skipped);

        HttpResponse<String> response = console.get("job?id=" + id + "&format=json");
        HttpResponse<String> preview = console.get("job?id=" + skipped + "&format=json");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("attachment; filename=\"report-" + id + ".json\"; filename*=UTF-8''report-" + id + ".json",
                response.headers().firstValue("Content-Disposition").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonNode report = JSON.readTree(response.body());
        assertFalse(report.get("dryRun").asBoolean());
        assertFalse(report.get("cancelled").asBoolean());
        assertEquals(2, report.get("counts").get("done").asInt());
        assertEquals(0, report.get("counts").get("skipped").asInt());
        assertEquals(0, report.get("counts").get("failed").asInt());
        assertEquals(List.of("romeo@capulet.example", "nurse@capulet.example"),
                report.get("users").findValuesAsText("target"));
        assertEquals(0, report.get("passwordResets").size(), "romeo came with a password: no reset");

        JsonNode dry = JSON.readTree(preview.body());
        assertTrue(dry.get("dryRun").asBoolean());
        assertEquals(1, dry.get("counts").get("skipped").asInt());
        assertEquals("skipped", dry.get("users").get(0).get("status").asText());
        assertTrue(dry.get("users").get(0).get("problem").asText().startsWith("host montague.example is not this server's domain"));
    }

    private List<Path> uploadsLeft() throws Exception {
        Path uploads = work.resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    /** Cancels the running job through its page's own form, and checks the page says it is stopping. */
    private void cancelThroughThePage(String id, GatedRosters gate) throws Exception {
        try {
            assertTrue(gate.awaitHeld(), "the job reached its first user");
            String running = console.get("job?id=" + id).body();
            assertTrue(running.contains("<meta http-equiv=\"refresh\" content=\"2\">"), running);
            assertTrue(running.contains("users done"), running);
            HttpResponse<byte[]> cancel = console.postForm("job?id=" + id,
                    Map.of("id", id, "action", "cancel", "csrf", AdminConsole.formToken(running)));
            assertEquals(302, cancel.statusCode(), AdminConsole.body(cancel));
            assertTrue(cancel.headers().firstValue("Location").orElse("").endsWith("job?id=" + id));
            String stopping = console.get("job?id=" + id).body();
            assertTrue(stopping.contains("Stopping after the current user…"), stopping);
            assertFalse(stopping.contains("value=\"cancel\""), "no second cancel button: " + stopping);
        } finally {
            gate.open();
        }
    }

    @Test
    void cancellingAnImportOfThreeThousandUsersStopsAfterTheCurrentUser() throws Exception {
        GatedRosters gate = new GatedRosters(server.ports());
        console.use(context(gate::ports));
        // one generated user under 3,000 names: generating each anew would take most of a minute
        UserData template = new SyntheticExport(42).user("template", new SyntheticExport.Shape(2, 64, 0, 0, 0, 0));
        List<UserData> users = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            users.add(template.toBuilder().name("user" + i).build());
        }
        String id = AdminConsole.jobId(console.upload("three-thousand.xml", AdminConsole.file(AdminConsole.DOMAIN, users),
                "import", Map.of()));

        cancelThroughThePage(id, gate);
        String done = console.awaitDone(id);

        assertTrue(done.contains("Cancelled: users after the last one listed were not transferred."), done);
        JsonNode report = JSON.readTree(console.get("job?id=" + id + "&format=json").body());
        assertTrue(report.get("cancelled").asBoolean());
        int imported = report.get("counts").get("done").asInt();
        assertTrue(imported >= 1 && imported < 3000, "fewer users than all: " + imported);
        assertEquals(imported, server.usernames().size(), "exactly the users reported were created");
        assertEquals(List.of(), uploadsLeft(), "the upload is deleted after a cancel too");
        assertTrue(audit.contains("Account Portability: cancelled the import of three-thousand.xml | job " + id), audit.toString());
    }

    @Test
    void cancellingABackgroundExportLeavesAWellFormedFileOfTheUsersDone() throws Exception {
        for (int i = 0; i < 50; i++) {
            server.seed(UserData.builder(String.format("user%02d", i)).password("pw")
                    .rosterItem(new RosterItem(new JID("friend@verona.example"), "Friend", RosterItem.Subscription.BOTH, List.of()))
                    .build());
        }
        GatedRosters gate = new GatedRosters(server.ports());
        console.use(context(gate::ports));
        String id = AdminConsole.jobId(console.export(Map.of("users", "", "background", "true")));

        cancelThroughThePage(id, gate);
        String done = console.awaitDone(id);

        assertTrue(done.contains("Cancelled: users after the last one listed were not transferred."), done);
        assertTrue(done.contains("Download the export"), done);
        HttpResponse<byte[]> download = console.getBytes("job?id=" + id + "&download=1");
        List<String> names = AdminConsole.users(download.body()).stream().map(u -> u.user().name()).toList();
        assertTrue(!names.isEmpty() && names.size() < 50, "fewer users than all: " + names);
        assertEquals("user00", names.get(0));
        JsonNode report = JSON.readTree(console.get("job?id=" + id + "&format=json").body());
        assertTrue(report.get("cancelled").asBoolean());
        assertEquals(names.size(), report.get("counts").get("done").asInt(), "the file holds the users the report counts");
    }

    @Test
    void theExportAndImportPagesListRecentJobsWithLinks() throws Exception {
        String id = AdminConsole.jobId(console.upload("romeo.xml", AdminConsole.file(AdminConsole.DOMAIN,
                List.of(UserData.builder("romeo").password("pw").build())), "preview", Map.of()));
        console.awaitDone(id);

        for (String page : List.of("export", "import")) {
            String html = console.get(page).body();
            assertTrue(html.contains("<h3>Recent jobs</h3>"), html);
            assertTrue(html.contains("<a href=\"job?id=" + id + "\">Preview of romeo.xml</a>"), html);
        }
    }
}

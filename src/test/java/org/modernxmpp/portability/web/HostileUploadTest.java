package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * Uploads meant to hurt: entities, a truncated big file, odd forms. Each ends in a clear refusal on the job page (or
 * the POST's answer), writes nothing it should not, and leaves no upload behind in the work folder.
 * The upload limit is tested at 1 MB (a setting), not at its 1 GB default.
 */
class HostileUploadTest extends AdminPageFixture {
    @TempDir
    Path outside;

    private List<Path> uploadsLeft() throws IOException {
        Path uploads = work.resolve("uploads");
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.toList();
        }
    }

    private static byte[] withDoctype(String doctype, String vCardText) {
        return ("<?xml version='1.0' encoding='UTF-8'?>\n" + doctype
                + "<server-data xmlns='urn:xmpp:pie:0'>\n  <host jid='capulet.example'>\n    <user name='juliet' password='pw'>\n"
                + "      <vCard xmlns='vcard-temp'><FN>" + vCardText + "</FN></vCard>\n    </user>\n  </host>\n</server-data>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The job's finished page, after checking the job was refused as a whole and left nothing behind. */
    private String refused(HttpResponse<String> posted) throws Exception {
        String id = AdminConsole.jobId(posted);
        String page = console.awaitDone(id);
        assertTrue(page.contains("The job stopped with an error; nothing after that point was done:"), page);
        assertEquals(0, server.writes(), "nothing written");
        assertFalse(server.ports().accounts().exists("juliet"));
        assertEquals(List.of(), uploadsLeft(), "the upload is deleted");
        HttpResponse<String> json = console.get("job?id=" + id + "&format=json");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                "a job that failed as a whole has no JSON report, its page says why");
        return page;
    }

    @Test
    void anExternalEntityToALocalFileIsRefusedAndTheFileIsNeverRead() throws Exception {
        String secret = "NURSE-KNOWS-" + UUID.randomUUID();
        Path secretFile = Files.writeString(outside.resolve("secret.txt"), secret);
        byte[] file = withDoctype("<!DOCTYPE server-data [\n  <!ENTITY xxe SYSTEM '" + secretFile.toUri() + "'>\n]>\n", "&xxe;");

        String page = refused(console.upload("xxe.xml", file, "import", Map.of()));

        assertTrue(java.util.regex.Pattern.compile("xxe\\.xml:[2-4]:\\d+: a DOCTYPE").matcher(page).find(),
                "the refusal says where, in the DOCTYPE: " + page);
        assertTrue(page.contains("a DOCTYPE is not allowed in an export (entities and external references are refused)"), page);
        assertFalse(page.contains(secret), "the secret never reaches the page");
    }

    @Test
    void aBillionLaughsFileIsRefusedAtOnce() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE server-data [\n  <!ENTITY lol0 'lol'>\n");
        for (int i = 1; i <= 9; i++) {
            doctype.append("  <!ENTITY lol").append(i).append(" '").append(("&lol" + (i - 1) + ";").repeat(10)).append("'>\n");
        }
        doctype.append("]>\n");
        long start = System.nanoTime();

        String page = refused(console.upload("laughs.xml", withDoctype(doctype.toString(), "&lol9;"), "import", Map.of()));

        assertTrue(page.contains("a DOCTYPE is not allowed in an export"), page);
        assertFalse(page.contains("lollollol"), page);
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "refused without expanding anything");
    }

    @Test
    void aBigUploadThatBreaksOffIsReportedWhereItBreaksAndNoPartOfItStays() throws Exception {
        // over Jetty's 1 MB threshold, so the upload goes through a temporary part file in the work folder too
        byte[] whole = fileOfAtLeast(1280 * 1024);
        byte[] broken = java.util.Arrays.copyOf(whole, whole.length - 40);

        String id = AdminConsole.jobId(console.upload("broken.xml", broken, "import", Map.of()));
        String page = console.awaitDone(id);

        assertTrue(page.contains("The job stopped with an error; nothing after that point was done:"), page);
        assertTrue(page.contains("broken.xml"), "the error names the file: " + page);
        assertEquals(List.of(), uploadsLeft(), "neither the stored upload nor Jetty's part file stays");
    }

    @Test
    void aFileThatIsNotXmlAtAllEndsWithAnErrorAndWritesNothing() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        String page = refused(console.upload("avatar.png", png, "import", Map.of()));

        assertTrue(page.contains("avatar.png"), page);
    }

    private HttpResponse<String> postWithTooManyParts() throws Exception {
        String token = AdminConsole.importToken(console.get("import").body());
        List<AdminConsole.Part> parts = new ArrayList<>();
        parts.add(AdminConsole.Part.file("romeo.xml", AdminConsole.file(AdminConsole.DOMAIN,
                List.of(UserData.builder("romeo").password("pw").build()))));
        parts.add(AdminConsole.Part.field("mode", "import"));
        for (int i = 0; i < 1001; i++) {
            parts.add(AdminConsole.Part.field("x" + i, "y"));
        }
        return console.postMultipart("import?csrf=" + token, parts);
    }

    /** Jetty refuses a form of more than 1000 parts (its form-keys limit) before the page sees a single part. */
    @Test
    void aFormOfMoreThanJettysPartLimitIsRefusedAndStartsNoJob() throws Exception {
        HttpResponse<String> response = postWithTooManyParts();

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of(), jobs.all());
        assertFalse(server.ports().accounts().exists("romeo"));
        assertEquals(List.of(), uploadsLeft());
    }

    /** A file of a little more than {@code bytes}. */
    private static byte[] fileOfAtLeast(int bytes) throws IOException {
        UserData template = new SyntheticExport(9).user("template", new SyntheticExport.Shape(10, 4096, 2, 1, 0));
        List<UserData> users = new ArrayList<>();
        byte[] file;
        do {
            users.add(template.toBuilder().name("user" + users.size()).build());
            file = users.size() % 50 == 0 ? AdminConsole.file(AdminConsole.DOMAIN, users) : new byte[0];
        } while (file.length < bytes);
        return file;
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        console.use(contextWithUploadLimit(1024 * 1024));
        byte[] file = fileOfAtLeast(1536 * 1024);

        HttpResponse<String> response = console.upload("big.xml", file, "import", Map.of());

        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + ": " + response.body());
        assertEquals(List.of(), jobs.all(), "no job");
        assertEquals(0, server.writes());
        assertEquals(List.of(), uploadsLeft(), "no part of the upload stays");
    }

    /**
     * The page catches IllegalStateException from getPart to answer a file over the limit with its own 413 page.
     * Jetty 12 ee8 (Request.getParts) wraps every RuntimeException of the multipart parser, the size limits'
     * IllegalStateException included, in a BadMessageException "Unable to parse form content", so that catch never
     * runs and the admin gets Jetty's bare 400 error page.
     */
    @Test
    void anUploadOverTheLimitGetsThePagesOwnAnswer() throws Exception {
        console.use(contextWithUploadLimit(1024 * 1024));

        HttpResponse<String> response = console.upload("big.xml", fileOfAtLeast(1536 * 1024), "import", Map.of());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("The file is larger than the limit of 1 MB; nothing was imported."), response.body());
    }

    /** A client can send any file name; the page keeps only its last path element, which may not exist. */
    @Test
    void anUploadNamedLikeARootFolderIsStillImported() throws Exception {
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw").build()));

        HttpResponse<String> posted = console.upload("/", file, "import", Map.of());

        String page = console.awaitDone(AdminConsole.jobId(posted));
        assertTrue(page.contains("Users: 1 done"), page);
        assertEquals(List.of(), uploadsLeft());
    }
}

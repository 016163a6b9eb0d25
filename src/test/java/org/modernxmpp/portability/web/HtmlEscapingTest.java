package org.modernxmpp.portability.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.pie.model.UserData;

/** What comes from an uploaded file or from the request reaches every page escaped, never as markup. */
class HtmlEscapingTest extends AdminPageFixture {
    private static final String SCRIPT = "<script>alert(1)</script>";

    private static void assertNoMarkupFromOutside(String html) {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), html);
    }

    private static String hostFile(String hostContent) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n<server-data xmlns='urn:xmpp:pie:0'>\n  <host jid='capulet.example'>\n"
                + hostContent + "\n  </host>\n</server-data>\n";
    }

    @Test
    void anUploadsFileNameIsEscapedOnTheJobPageAndInTheJobLists() throws Exception {
        // no '/' in it: the page keeps only the last path element of a submitted name
        String name = "<script src=https:evil.example>.xml";
        byte[] file = AdminConsole.file(AdminConsole.DOMAIN, List.of(UserData.builder("romeo").password("pw").build()));

        String id = AdminConsole.jobId(console.upload(name, file, "preview", Map.of()));
        String page = console.awaitDone(id);

        assertTrue(page.contains("<h2>Preview of &lt;script src=https:evil.example&gt;.xml</h2>"), page);
        assertTrue(page.contains("<title>preview of &lt;script src=https:evil.example&gt;.xml</title>"), page);
        assertNoMarkupFromOutside(page);
        for (String listing : List.of("import", "export")) {
            String html = console.get(listing).body();
            assertTrue(html.contains("Preview of &lt;script src=https:evil.example&gt;.xml</a>"), html);
            assertNoMarkupFromOutside(html);
        }
    }

    @Test
    void aUserNameInTheFileIsEscapedInTheError() throws Exception {
        String xml = hostFile("    <user name='&lt;script&gt;alert(1)&lt;/script&gt;' password='pw'/>");

        String page = console.awaitDone(AdminConsole.jobId(console.upload("users.xml", xml.getBytes(StandardCharsets.UTF_8),
                "import", Map.of())));

        assertTrue(page.contains("The job stopped with an error"), page);
        assertTrue(page.contains("&lt;user name=&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;&gt; is not a valid JID localpart"), page);
        assertNoMarkupFromOutside(page);
        assertEquals(0, server.writes());
    }

    @Test
    void namespacesFromTheFileAreEscapedInTheReportAndItsJson() throws Exception {
        String xml = hostFile("    <settings xmlns='urn:x:&lt;img src=x onerror=alert(1)&gt;'/>\n"
                + "    <user name='romeo' password='pw'><x xmlns='urn:y:&lt;script&gt;alert(2)&lt;/script&gt;'/></user>");

        String id = AdminConsole.jobId(console.upload("ns.xml", xml.getBytes(StandardCharsets.UTF_8), "preview", Map.of()));
        String page = console.awaitDone(id);

        assertTrue(page.contains("not imported: {urn:x:&lt;img src=x onerror=alert(1)&gt;}settings in host capulet.example"), page);
        assertTrue(page.contains("urn:y:&lt;script&gt;alert(2)&lt;/script&gt;"), "the unknown element is listed: " + page);
        assertNoMarkupFromOutside(page);
        HttpResponse<String> json = console.get("job?id=" + id + "&format=json");
        assertFalse(json.body().contains("<"), "'<' is escaped in JSON too: " + json.body());
        assertTrue(json.body().contains("\\u003cscript>alert(2)\\u003c/script>"), json.body());
    }

    @Test
    void userNamesFromTheRequestAreEscapedOnTheJobPage() throws Exception {
        String id = AdminConsole.jobId(console.export(Map.of("users", SCRIPT, "background", "true")));
        String page = console.awaitDone(id);

        assertTrue(page.contains("<h2>Export of &lt;script&gt;alert(1)&lt;/script&gt;@capulet.example</h2>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;@capulet.example: skipped: there is no such account"), page);
        assertNoMarkupFromOutside(page);
        HttpResponse<byte[]> download = console.getBytes("job?id=" + id + "&download=1");
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment; filename=\"_script_alert_1___script_@capulet.example-"), disposition);
        String exportPage = console.get("export").body();
        assertTrue(exportPage.contains("Export of &lt;script&gt;alert(1)&lt;/script&gt;@capulet.example</a>"), exportPage);
        assertNoMarkupFromOutside(exportPage);
    }

    @Test
    void aStreamedExportOfAnOddNameKeepsItsHeadersClean() throws Exception {
        HttpResponse<byte[]> response = console.export(Map.of("users", "\"; filename=evil.sh <x>"));

        assertEquals(200, response.statusCode());
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"[A-Za-z0-9@._-]+\"; filename\\*=UTF-8''[A-Za-z0-9%@._*-]+"), disposition);
    }

    @Test
    void aJobIdFromTheRequestIsNeverShown() throws Exception {
        HttpResponse<String> response = console.get("job?id=%3Cscript%3Ealert(1)%3C/script%3E");

        assertEquals(404, response.statusCode());
        assertNoMarkupFromOutside(response.body());
    }

    @Test
    void aServerFileNameFromTheRequestIsEscapedInTheRefusal() throws Exception {
        String token = AdminConsole.importToken(console.get("import").body());

        HttpResponse<String> response = console.postMultipart("import?csrf=" + token, List.of(
                AdminConsole.Part.file("", new byte[0]), AdminConsole.Part.field("serverFile", SCRIPT),
                AdminConsole.Part.field("mode", "import")));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("There is no file or folder &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"), response.body());
        assertNoMarkupFromOutside(response.body());
    }
}

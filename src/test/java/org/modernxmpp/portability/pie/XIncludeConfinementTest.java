package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.pie.HostileXml.DECLARATION;
import static org.modernxmpp.portability.pie.HostileXml.XI;
import static org.modernxmpp.portability.pie.HostileXml.assertNowhere;
import static org.modernxmpp.portability.pie.HostileXml.assertReasonContains;
import static org.modernxmpp.portability.pie.HostileXml.host;
import static org.modernxmpp.portability.pie.HostileXml.lineOf;
import static org.modernxmpp.portability.pie.HostileXml.read;
import static org.modernxmpp.portability.pie.HostileXml.readStream;
import static org.modernxmpp.portability.pie.HostileXml.roster;
import static org.modernxmpp.portability.pie.HostileXml.serverData;
import static org.modernxmpp.portability.pie.HostileXml.user;
import static org.modernxmpp.portability.pie.HostileXml.vCard;
import static org.modernxmpp.portability.pie.HostileXml.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.pie.HostileXml.Canary;
import org.modernxmpp.portability.pie.HostileXml.Outcome;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * XInclude is followed at server-data and host level only, for relative hrefs that stay inside the export's
 * folder (links included), as XEP-0227's security considerations ask; everything else is refused before the
 * target is opened, and includes inside a user are opaque data. Also covers the folder layouts' own links.
 */
class XIncludeConfinementTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c: mallory's stolen vCard";

    @TempDir
    Path dir;

    /** The export folder; {@code dir} itself also holds files outside it. */
    private Path export;
    /** A host fragment outside the export: if any include reached it, user 'mallory' would be handed out. */
    private Path outsideHost;

    @BeforeEach
    void outsideFiles() throws IOException {
        export = Files.createDirectories(dir.resolve("export")).toRealPath();
        outsideHost = write(dir, "outside.xml", hostFile("capulet.example", userInline("mallory", vCard(SECRET))));
    }

    // ---- layout builders ----

    private static String mainIncluding(String... includeLines) {
        StringBuilder xml = new StringBuilder(DECLARATION + "<server-data xmlns='urn:xmpp:pie:0' xmlns:xi='" + XI + "'>\n");
        for (String line : includeLines) {
            xml.append("  ").append(line).append('\n');
        }
        return xml.append("</server-data>\n").toString();
    }

    private static String include(String href) {
        return "<xi:include href='" + href + "'/>";
    }

    private static String hostFile(String jid, String... lines) {
        StringBuilder xml = new StringBuilder(DECLARATION + "<host xmlns='urn:xmpp:pie:0' xmlns:xi='" + XI + "' jid='" + jid + "'>\n");
        for (String line : lines) {
            xml.append("  ").append(line).append('\n');
        }
        return xml.append("</host>\n").toString();
    }

    private static String userInline(String name, String... children) {
        return "<user name='" + name + "'>" + String.join("", children) + "</user>";
    }

    private static String userFile(String name, String... children) {
        StringBuilder xml = new StringBuilder(DECLARATION + "<user xmlns='urn:xmpp:pie:0' name='" + name + "'>\n");
        for (String child : children) {
            xml.append("  ").append(child).append('\n');
        }
        return xml.append("</user>\n").toString();
    }

    private Path realFile(String relative) throws IOException {
        return export.resolve(relative).toRealPath();
    }

    /** Refused at the include in the main file, nothing handed out, nothing but the main file opened. */
    private void assertRefusedAtTheInclude(Outcome outcome, String mainXml, String includeMarker, String... reasonParts)
            throws IOException {
        PieFormatException refusal = outcome.refusal();
        Path main = realFile("server-data.xml");
        assertAll(
                () -> assertEquals("server-data.xml", refusal.source()),
                () -> assertEquals(lineOf(mainXml, includeMarker), refusal.line()),
                () -> assertReasonContains(refusal, reasonParts),
                () -> assertEquals(List.of(), outcome.handedOut(), "nothing handed out"),
                () -> assertEquals(Set.of(main), outcome.filesRead(), "no file but the main one opened"),
                () -> assertNowhere(SECRET, outcome));
    }

    // ---- the valid layout ----

    private void writeValidLayout() throws IOException {
        write(export, "server-data.xml", mainIncluding(include("capulet.example.xml"),
                "<xi:include href='montague.example.xml' parse='xml'/>"));
        write(export, "capulet.example.xml", hostFile("capulet.example",
                include("capulet.example/juliet.xml"), include("capulet.example/nurse.xml")));
        write(export, "capulet.example/juliet.xml", userFile("juliet", vCard("Juliet"), roster("romeo@montague.example")));
        write(export, "capulet.example/nurse.xml", userFile("nurse", vCard("Angelica")));
        write(export, "montague.example.xml", hostFile("montague.example", include("montague.example/romeo.xml")));
        write(export, "montague.example/romeo.xml", userFile("romeo", vCard("Romeo"), roster("juliet@capulet.example")));
    }

    private void assertValidLayoutRead(Outcome outcome) throws IOException {
        outcome.assertReadToTheEnd();
        List<UserData> users = outcome.users();
        assertAll(
                () -> assertEquals(List.of("juliet@capulet.example", "nurse@capulet.example", "romeo@montague.example"),
                        outcome.names()),
                () -> assertEquals("Juliet", users.get(0).vCard().element().elementText("FN")),
                () -> assertEquals("romeo@montague.example", users.get(0).roster().get(0).jid().toBareJID()),
                () -> assertEquals("Angelica", users.get(1).vCard().element().elementText("FN")),
                () -> assertEquals("juliet@capulet.example", users.get(2).roster().get(0).jid().toBareJID()),
                () -> assertEquals(List.of(), outcome.extensions()),
                () -> assertEquals(Map.of(), outcome.unknownElements()),
                () -> assertEquals(Set.of(realFile("server-data.xml"), realFile("capulet.example.xml"),
                        realFile("capulet.example/juliet.xml"), realFile("capulet.example/nurse.xml"),
                        realFile("montague.example.xml"), realFile("montague.example/romeo.xml")), outcome.filesRead()));
    }

    @Test
    void theRecommendedLayoutOpenedAsAFolderReadsEveryUserFromEveryFile() throws Exception {
        // given: server-data.xml -> <host>.xml -> <host>/<user>.xml
        writeValidLayout();

        // when
        Outcome outcome = read(export);

        // then
        assertValidLayoutRead(outcome);
    }

    @Test
    void theRecommendedLayoutOpenedByItsMainFileReadsTheSame() throws Exception {
        // given
        writeValidLayout();

        // when
        Outcome outcome = read(export.resolve("server-data.xml"));

        // then
        assertValidLayoutRead(outcome);
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFileAndItsLine() throws Exception {
        // given: the second user file of the layout holds an invalid roster JID
        writeValidLayout();
        String nurse = userFile("nurse", roster("a@b@c"));
        write(export, "capulet.example/nurse.xml", nurse);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("nurse.xml", refusal.source()),
                () -> assertEquals(lineOf(nurse, "<user "), refusal.line()),
                () -> assertReasonContains(refusal, "user 'nurse' of host capulet.example", "roster item", "'a@b@c'"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    // ---- hrefs that leave the folder ----

    @Test
    void anIncludeOfAFileInTheParentFolderIsRefusedAndTheFileIsNeverOpened() throws Exception {
        // given: ../outside.xml exists and is a valid host fragment
        String main = mainIncluding(include("../outside.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "../outside.xml", "'../outside.xml'", "outside the export's folder");
    }

    @Test
    void anIncludeThatClimbsOutThroughASubfolderIsRefused() throws Exception {
        // given
        Files.createDirectories(export.resolve("capulet.example"));
        String main = mainIncluding(include("capulet.example/../../outside.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "outside.xml", "outside the export's folder");
    }

    @Test
    void anIncludeWithPercentEncodedDotsIsRefused() throws Exception {
        // given: %2e%2e is '..' once the URI is decoded
        String main = mainIncluding(include("%2e%2e/outside.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "%2e%2e", "outside the export's folder");
    }

    @Test
    void anIncludeOfEtcPasswdIsRefusedAsAbsolute() throws Exception {
        // given
        String main = mainIncluding(include("/etc/passwd"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "/etc/passwd", "'/etc/passwd'", "absolute");
    }

    @Test
    void anIncludeOfAnAbsolutePathToAValidFragmentIsRefusedAsAbsolute() throws Exception {
        // given: the absolute path of a file that would parse and hand out 'mallory'
        String href = outsideHost.toAbsolutePath().toString();
        String main = mainIncluding(include(href));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, href, "absolute");
    }

    @Test
    void anIncludeOfAFileUriIsRefusedAsAbsolute() throws Exception {
        // given
        String main = mainIncluding(include("file:///etc/passwd"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "file:///etc/passwd", "'file:///etc/passwd'", "absolute");
    }

    @Test
    void anIncludeOfAFileUriToAValidFragmentIsRefusedAsAbsolute() throws Exception {
        // given
        String href = outsideHost.toUri().toString();
        String main = mainIncluding(include(href));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, href, "absolute");
    }

    @Test
    void anIncludeOfAnHttpUrlIsRefusedAndNeverFetched() throws Exception {
        try (Canary canary = new Canary()) {
            // given
            String href = canary.url("/host.xml");
            String main = mainIncluding(include(href));
            write(export, "server-data.xml", main);

            // when
            Outcome outcome = read(export);

            // then
            assertRefusedAtTheInclude(outcome, main, href, "absolute");
            assertEquals(0, canary.hits(), "the URL was fetched");
        }
    }

    @Test
    void anIncludeThroughALinkedFileLeadingOutsideIsRefused() throws Exception {
        // given: export/capulet.example.xml is a symbolic link to ../outside.xml
        Files.createSymbolicLink(export.resolve("capulet.example.xml"), outsideHost);
        String main = mainIncluding(include("capulet.example.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "capulet.example.xml", "'capulet.example.xml'", "link", "outside");
    }

    @Test
    void anIncludeThroughALinkedFolderLeadingOutsideIsRefused() throws Exception {
        // given: export/capulet.example is a symbolic link to a folder outside holding juliet.xml
        Path outsideFolder = Files.createDirectories(dir.resolve("elsewhere"));
        write(outsideFolder, "juliet.xml", userFile("mallory", vCard(SECRET)));
        Files.createSymbolicLink(export.resolve("capulet.example"), outsideFolder);
        String hostXml = hostFile("capulet.example", include("capulet.example/juliet.xml"));
        write(export, "server-data.xml", mainIncluding(include("capulet.example.xml")));
        write(export, "capulet.example.xml", hostXml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet.example.xml", refusal.source()),
                () -> assertEquals(lineOf(hostXml, "capulet.example/juliet.xml"), refusal.line()),
                () -> assertReasonContains(refusal, "link", "outside"),
                () -> assertEquals(List.of(), outcome.handedOut()),
                () -> assertEquals(Set.of(realFile("server-data.xml"), realFile("capulet.example.xml")), outcome.filesRead()),
                () -> assertNowhere(SECRET, outcome));
    }

    @Test
    void anIncludeOfADeviceThroughALinkInsideTheFolderIsRefusedWithoutReadingIt() throws Exception {
        // given: export/zero.xml -> /dev/zero, which would never end
        Files.createSymbolicLink(export.resolve("zero.xml"), Path.of("/dev/zero"));
        String main = mainIncluding(include("zero.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(export));

        // then
        assertRefusedAtTheInclude(outcome, main, "zero.xml", "'zero.xml'");
    }

    // ---- forms of XInclude the format does not allow ----

    @Test
    void anIncludeWithParseTextIsRefusedAndTheFileIsNotOpened() throws Exception {
        // given: parse='text' would turn any file inside the folder into character data
        write(export, "notes.txt", SECRET);
        String main = mainIncluding("<xi:include href='notes.txt' parse='text'/>");
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "notes.txt", "parse");
    }

    @Test
    void anIncludeWithAnXpointerIsRefused() throws Exception {
        // given
        write(export, "capulet.example.xml", hostFile("capulet.example", userInline("juliet")));
        String main = mainIncluding("<xi:include href='capulet.example.xml' xpointer='element(/1/1)'/>");
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "xpointer=", "xpointer");
    }

    @Test
    void anIncludeWithAFragmentIdentifierIsRefused() throws Exception {
        // given: the href form of an xpointer
        write(export, "capulet.example.xml", hostFile("capulet.example", userInline("juliet")));
        String main = mainIncluding(include("capulet.example.xml#xpointer(/host)"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "#xpointer", "relative path");
    }

    @Test
    void anIncludeWithoutHrefIsRefused() throws Exception {
        // given
        String main = mainIncluding("<xi:include parse='xml'/>");
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "<xi:include", "without an href");
    }

    @Test
    void anIncludeOfAMissingFileIsRefusedNamingTheHref() throws Exception {
        // given
        String main = mainIncluding(include("capulet.example.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        assertRefusedAtTheInclude(outcome, main, "capulet.example.xml", "'capulet.example.xml'", "does not exist");
    }

    @Test
    void aFileThatIncludesItselfIsRefused() throws Exception {
        // given
        String main = mainIncluding(include("server-data.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(export));

        // then
        assertRefusedAtTheInclude(outcome, main, "<xi:include", "'server-data.xml'", "includes itself");
    }

    @Test
    void anIncludeCycleThroughAHostFileIsRefused() throws Exception {
        // given: server-data.xml -> capulet.example.xml -> server-data.xml
        String hostXml = hostFile("capulet.example", userInline("juliet"), include("server-data.xml"));
        write(export, "server-data.xml", mainIncluding(include("capulet.example.xml")));
        write(export, "capulet.example.xml", hostXml);

        // when
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet.example.xml", refusal.source()),
                () -> assertEquals(lineOf(hostXml, "server-data.xml"), refusal.line()),
                () -> assertReasonContains(refusal, "'server-data.xml'", "second time"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    @Test
    void theSameFileIncludedTwiceIsRefusedRatherThanReadTwice() throws Exception {
        // given
        write(export, "capulet.example.xml", hostFile("capulet.example", userInline("juliet")));
        String main = mainIncluding(include("capulet.example.xml"), include("./capulet.example.xml"));
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("server-data.xml", refusal.source()),
                () -> assertEquals(lineOf(main, "./capulet.example.xml"), refusal.line()),
                () -> assertReasonContains(refusal, "second time"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    @Test
    void anIncludeInAnUploadedStreamIsRefusedSinceThereIsNoFolderToConfineItTo() {
        // given
        String main = mainIncluding(include("capulet.example.xml"));

        // when
        Outcome outcome = readStream(main, "upload.xml");

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("upload.xml", refusal.source()),
                () -> assertEquals(lineOf(main, "<xi:include"), refusal.line()),
                () -> assertReasonContains(refusal, "XInclude cannot be followed in an uploaded stream"),
                () -> assertEquals(List.of(), outcome.handedOut()),
                () -> assertEquals(Set.of(), outcome.filesRead()));
    }

    @Test
    void aDoctypeInAnIncludedFileIsRefusedNamingThatFile() throws Exception {
        // given: the main file is clean, the host fragment carries the XXE
        Path secret = write(dir, "secret.txt", SECRET);
        String hostXml = hostFile("capulet.example", userInline("juliet", vCard("&xxe;")))
                .replace(DECLARATION, DECLARATION + "<!DOCTYPE host [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>\n");
        write(export, "server-data.xml", mainIncluding(include("capulet.example.xml")));
        write(export, "capulet.example.xml", hostXml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet.example.xml", refusal.source()),
                () -> assertEquals(lineOf(hostXml, "<!DOCTYPE"), refusal.line()),
                () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                () -> assertEquals(List.of(), outcome.handedOut()),
                () -> assertNowhere(SECRET, outcome));
    }

    @Test
    void anIncludedFileWithTheWrongRootIsRefused() throws Exception {
        // given: a host-level include whose target is a whole export
        String nested = serverData(host("capulet.example", user("juliet")));
        write(export, "server-data.xml", mainIncluding(include("nested.xml")));
        write(export, "nested.xml", nested);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("nested.xml", refusal.source()),
                () -> assertEquals(lineOf(nested, "<server-data"), refusal.line()),
                () -> assertReasonContains(refusal, "expected <host>", "<server-data>"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void deepNestingInsideAnIncludeElementIsRefusedAtTheDepthLimit() throws Exception {
        // given: 10,000 levels of children hidden inside an xi:include (maxDepth holds "anywhere in a document")
        write(export, "capulet.example.xml", hostFile("capulet.example", userInline("juliet")));
        String main = mainIncluding("<xi:include href='capulet.example.xml'>" + "<a>".repeat(10_000)
                + "</a>".repeat(10_000) + "</xi:include>");
        write(export, "server-data.xml", main);

        // when
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("server-data.xml", refusal.source()),
                () -> assertEquals(lineOf(main, "<xi:include"), refusal.line()),
                () -> assertReasonContains(refusal, "nest deeper than " + ReadLimits.DEFAULT.maxDepth()),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    // ---- includes inside a user are data, never followed ----

    @Test
    void anIncludeInsidePrivateXmlIsCarriedAsDataAndNotFollowed() throws Exception {
        // given: XEP-0227: includes below a user's children are opaque user data; the target exists in the folder
        write(export, "bookmarks.xml", "<storage xmlns='storage:bookmarks'><conference jid='" + SECRET + "'/></storage>");
        String xml = serverData(host("capulet.example", user("juliet",
                "<query xmlns='jabber:iq:private'><xi:include xmlns:xi='" + XI + "' href='bookmarks.xml'/></query>")));
        write(export, "server-data.xml", xml);

        // when
        Outcome outcome = read(export).assertReadToTheEnd();

        // then
        List<UserData> users = outcome.users();
        assertEquals(1, users.size());
        List<XmlPayload> privateXml = users.get(0).privateXml();
        assertAll(
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()),
                () -> assertEquals(1, privateXml.size()),
                () -> assertEquals(XI, privateXml.get(0).namespace()),
                () -> assertEquals("include", privateXml.get(0).name()),
                () -> assertEquals("bookmarks.xml", privateXml.get(0).element().attributeValue("href")),
                () -> assertNowhere(SECRET, outcome),
                () -> assertEquals(Set.of(realFile("server-data.xml")), outcome.filesRead()));
    }

    @Test
    void anIncludeAsADirectChildOfAUserInAUserFileIsCarriedAsAnExtensionAndNotFollowed() throws Exception {
        // given: the layout's user file holds an include of a vCard file in the folder
        write(export, "server-data.xml", mainIncluding(include("capulet.example.xml")));
        write(export, "capulet.example.xml", hostFile("capulet.example", include("capulet.example/juliet.xml")));
        write(export, "capulet.example/juliet.xml", userFile("juliet",
                "<xi:include xmlns:xi='" + XI + "' href='vcard.xml'/>"));
        write(export, "capulet.example/vcard.xml", vCard(SECRET));

        // when
        Outcome outcome = read(export).assertReadToTheEnd();

        // then
        UserData juliet = outcome.users().get(0);
        assertAll(
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()),
                () -> assertNull(juliet.vCard(), "the include was not followed into a vCard"),
                () -> assertEquals(1, juliet.extensions().size()),
                () -> {
                    Element carried = juliet.extensions().get(0).element();
                    assertEquals(XI, carried.getNamespaceURI());
                    assertEquals("include", carried.getName());
                    assertEquals("vcard.xml", carried.attributeValue("href"));
                },
                () -> assertEquals(Map.of("user {" + XI + "}include", 1), outcome.unknownElements()),
                () -> assertNowhere(SECRET, outcome),
                () -> assertTrue(outcome.filesRead().stream().noneMatch(p -> p.endsWith("vcard.xml")),
                        "vcard.xml was opened: " + outcome.filesRead()));
    }

    // ---- the folder layouts' own links ----

    @Test
    void aLinkInAProsodyFolderLeadingOutsideIsNotRead() throws Exception {
        // given: one file per user, and one of them a link to a complete export outside the folder
        Path outsideExport = write(dir, "outside-export.xml", serverData(host("capulet.example", user("mallory", vCard(SECRET)))));
        write(export, "juliet@capulet.example.xml", serverData(host("capulet.example", user("juliet", vCard("Juliet")))));
        Files.createSymbolicLink(export.resolve("mallory@capulet.example.xml"), outsideExport);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("mallory@capulet.example.xml", refusal.source()),
                () -> assertReasonContains(refusal, "outside"),
                () -> assertTrue(!outcome.names().contains("mallory@capulet.example"), "mallory was imported"),
                () -> assertTrue(outcome.filesRead().stream().allMatch(p -> p.startsWith(export)),
                        "files outside the folder were read: " + outcome.filesRead()),
                () -> assertNowhere(SECRET, outcome));
    }

    @Test
    void aServerDataXmlThatIsALinkLeadingOutsideIsNotRead() throws Exception {
        // given: the layout's main file is a link to an export elsewhere
        Path outsideExport = write(dir, "outside-export.xml", serverData(host("capulet.example", user("mallory", vCard(SECRET)))));
        Files.createSymbolicLink(export.resolve("server-data.xml"), outsideExport);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("server-data.xml", refusal.source()),
                () -> assertReasonContains(refusal, "outside"),
                () -> assertEquals(List.of(), outcome.handedOut()),
                () -> assertEquals(Set.of(), outcome.filesRead()),
                () -> assertNowhere(SECRET, outcome));
    }

    @Test
    void aPlainFileOpenedDirectlyMayIncludeItsSiblingsButNotItsParent() throws Exception {
        // given: opened as a file, the confinement root is the file's own folder
        write(export, "capulet.example.xml", hostFile("capulet.example", userInline("juliet")));
        String main = mainIncluding(include("capulet.example.xml"), include("../outside.xml"));
        Path file = write(export, "capulet.xml", main);

        // when
        Outcome outcome = read(file);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet.xml", refusal.source()),
                () -> assertEquals(lineOf(main, "../outside.xml"), refusal.line()),
                () -> assertReasonContains(refusal, "outside the export's folder"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()),
                () -> assertEquals(Set.of(file.toRealPath(), realFile("capulet.example.xml")), outcome.filesRead()),
                () -> assertNowhere(SECRET, outcome));
        assertInstanceOf(PieFormatException.class, outcome.failure());
    }
}

package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.pie.HostileXml.DECLARATION;
import static org.modernxmpp.portability.pie.HostileXml.assertNowhere;
import static org.modernxmpp.portability.pie.HostileXml.assertReasonContains;
import static org.modernxmpp.portability.pie.HostileXml.host;
import static org.modernxmpp.portability.pie.HostileXml.lineOf;
import static org.modernxmpp.portability.pie.HostileXml.read;
import static org.modernxmpp.portability.pie.HostileXml.readStream;
import static org.modernxmpp.portability.pie.HostileXml.serverData;
import static org.modernxmpp.portability.pie.HostileXml.user;
import static org.modernxmpp.portability.pie.HostileXml.vCard;
import static org.modernxmpp.portability.pie.HostileXml.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dom4j.ProcessingInstruction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.pie.HostileXml.Canary;
import org.modernxmpp.portability.pie.HostileXml.Outcome;
import org.modernxmpp.portability.pie.model.PieEntry;

/**
 * Hostile input at the XML level: entities and DTDs, resource exhaustion (expansion, depth, size), broken and
 * foreign files. Every refusal must be a {@link PieFormatException} naming the file, where meaningful the line,
 * and a reason an admin understands; nothing past the error is handed out and nothing outside the file is read.
 */
class HostileInputTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c: root password is hunter2";
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static String withDoctype(String doctype, String document) {
        return document.replace(DECLARATION, DECLARATION + doctype);
    }

    private static void assertLineWithin(PieFormatException refusal, int first, int last) {
        assertTrue(refusal.line() >= first && refusal.line() <= last,
                "line " + refusal.line() + " should be within " + first + ".." + last);
    }

    // ---- entities and DTDs ----

    @Test
    void externalEntityToALocalFileIsRefusedAndTheSecretIsNeverRead() throws Exception {
        // given: a DOCTYPE declaring an entity that points at a secret file, used inside a user's vCard
        Path secret = write(dir, "secret.txt", SECRET);
        String doctype = "<!DOCTYPE server-data [\n  <!ENTITY xxe SYSTEM '" + secret.toUri() + "'>\n]>\n";
        String xml = withDoctype(doctype, serverData(host("capulet.example", user("juliet", vCard("&xxe;")))));
        Path export = write(dir, "export/capulet.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet.xml", refusal.source()),
                () -> assertLineWithin(refusal, lineOf(xml, "<!DOCTYPE"), lineOf(xml, "]>")),
                () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                () -> assertEquals(List.of(), outcome.handedOut(), "no user handed out"),
                () -> assertNowhere(SECRET, outcome),
                () -> assertEquals(Set.of(export.toRealPath()), outcome.filesRead()));
    }

    @Test
    void externalEntityInAnUploadedStreamIsRefusedAndTheSecretIsNeverRead() throws Exception {
        // given: the same attack, arriving as an upload
        Path secret = write(dir, "secret.txt", SECRET);
        String doctype = "<!DOCTYPE server-data [\n  <!ENTITY xxe SYSTEM '" + secret.toUri() + "'>\n]>\n";
        String xml = withDoctype(doctype, serverData(host("capulet.example", user("juliet", vCard("&xxe;")))));

        // when
        Outcome outcome = readStream(xml, "upload.xml");

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("upload.xml", refusal.source()),
                () -> assertLineWithin(refusal, lineOf(xml, "<!DOCTYPE"), lineOf(xml, "]>")),
                () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                () -> assertEquals(List.of(), outcome.handedOut()),
                () -> assertNowhere(SECRET, outcome));
    }

    @Test
    void externalEntityOverHttpIsRefusedAndNeverFetched() throws Exception {
        try (Canary canary = new Canary()) {
            // given
            String doctype = "<!DOCTYPE server-data [\n  <!ENTITY xxe SYSTEM '" + canary.url("/entity") + "'>\n]>\n";
            String xml = withDoctype(doctype, serverData(host("capulet.example", user("juliet", vCard("&xxe;")))));
            Path export = write(dir, "capulet.xml", xml);

            // when
            Outcome outcome = read(export);

            // then
            PieFormatException refusal = outcome.refusal();
            assertAll(
                    () -> assertEquals("capulet.xml", refusal.source()),
                    () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                    () -> assertEquals(List.of(), outcome.handedOut()),
                    () -> assertEquals(0, canary.hits(), "the entity's URL was fetched"),
                    () -> assertNowhere("CANARY-FETCHED", outcome));
        }
    }

    @Test
    void externalDtdSubsetIsRefusedAndNeverFetched() throws Exception {
        try (Canary canary = new Canary()) {
            // given: <!DOCTYPE … SYSTEM 'url'>, the classic out-of-band exfiltration start
            String doctype = "<!DOCTYPE server-data SYSTEM '" + canary.url("/evil.dtd") + "'>\n";
            String xml = withDoctype(doctype, serverData(host("capulet.example", user("juliet", vCard("Juliet")))));
            Path export = write(dir, "capulet.xml", xml);

            // when
            Outcome outcome = read(export);

            // then
            PieFormatException refusal = outcome.refusal();
            assertAll(
                    () -> assertEquals("capulet.xml", refusal.source()),
                    () -> assertEquals(lineOf(xml, "<!DOCTYPE"), refusal.line()),
                    () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                    () -> assertEquals(List.of(), outcome.handedOut()),
                    () -> assertEquals(0, canary.hits(), "the external DTD was fetched"));
        }
    }

    @Test
    void externalParameterEntityIsRefusedAndNeverFetched() throws Exception {
        try (Canary canary = new Canary()) {
            // given
            String doctype = "<!DOCTYPE server-data [\n  <!ENTITY % remote SYSTEM '" + canary.url("/p.dtd")
                    + "'>\n  %remote;\n]>\n";
            String xml = withDoctype(doctype, serverData(host("capulet.example", user("juliet", vCard("&leak;")))));
            Path export = write(dir, "capulet.xml", xml);

            // when
            Outcome outcome = read(export);

            // then
            PieFormatException refusal = outcome.refusal();
            assertAll(
                    () -> assertEquals("capulet.xml", refusal.source()),
                    () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                    () -> assertEquals(List.of(), outcome.handedOut()),
                    () -> assertEquals(0, canary.hits(), "the parameter entity's URL was fetched"),
                    () -> assertNowhere("CANARY-FETCHED", outcome));
        }
    }

    @Test
    void billionLaughsIsRefusedQuicklyWithoutExpandingAnything() throws Exception {
        // given: ten levels of ten references each, 10^9 "lol"s if expanded
        StringBuilder doctype = new StringBuilder("<!DOCTYPE server-data [\n  <!ENTITY lol0 'lol'>\n");
        for (int level = 1; level <= 9; level++) {
            doctype.append("  <!ENTITY lol").append(level).append(" '")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("'>\n");
        }
        doctype.append("]>\n");
        String xml = withDoctype(doctype.toString(),
                serverData(host("capulet.example", user("juliet", vCard("&lol9;")))));
        Path export = write(dir, "laughs.xml", xml);

        // when
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("laughs.xml", refusal.source()),
                () -> assertLineWithin(refusal, lineOf(xml, "<!DOCTYPE"), lineOf(xml, "]>")),
                () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void quadraticBlowUpIsRefusedWithoutExpandingAnything() throws Exception {
        // given: one 50 KB entity referenced 50,000 times (2.5 GB if expanded, no nesting to detect)
        String doctype = "<!DOCTYPE server-data [\n  <!ENTITY big '" + "x".repeat(50_000) + "'>\n]>\n";
        String xml = withDoctype(doctype,
                serverData(host("capulet.example", user("juliet", vCard("&big;".repeat(50_000))))));
        Path export = write(dir, "quadratic.xml", xml);

        // when
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("quadratic.xml", refusal.source()),
                () -> assertLineWithin(refusal, lineOf(xml, "<!DOCTYPE"), lineOf(xml, "]>")),
                () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void doctypeWithoutAnyEntityIsStillRefused() throws Exception {
        // given: a harmless-looking DOCTYPE; the format has none, so any DOCTYPE is foreign
        String xml = withDoctype("<!DOCTYPE server-data>\n",
                serverData(host("capulet.example", user("juliet", vCard("Juliet")))));
        Path export = write(dir, "doctype.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("doctype.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<!DOCTYPE"), refusal.line()),
                () -> assertReasonContains(refusal, "DOCTYPE is not allowed"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void undeclaredEntityReferenceWithoutDoctypeIsRefusedAndTheUserIsNotHandedOut() throws Exception {
        // given: an entity reference and no DOCTYPE at all, inside the second user
        String xml = serverData(host("capulet.example",
                user("nurse", vCard("Angelica")),
                user("juliet", vCard("&xxe;"))));
        Path export = write(dir, "capulet.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "&xxe;"), refusal.line()),
                () -> assertReasonContains(refusal, "entity reference &xxe; is not allowed"),
                () -> assertEquals(List.of("nurse@capulet.example"), outcome.names()));
    }

    @Test
    void processingInstructionsAndCommentsAreHarmlessAndNotCarried() throws Exception {
        // given: PIs and comments at every level, including inside a user's payload
        String xml = DECLARATION
                + "<?xml-stylesheet type='text/xsl' href='http://attacker.example/x.xsl'?>\n"
                + "<!-- exported by hand -->\n"
                + "<server-data xmlns='urn:xmpp:pie:0'>\n"
                + "  <?php system('id'); ?>\n"
                + "  <host jid='capulet.example'>\n"
                + "    <!-- a comment in the host -->\n"
                + "    <user name='juliet'>\n"
                + "      <vCard xmlns='vcard-temp'><?pi inside?><FN>Juliet<!-- c --></FN></vCard>\n"
                + "    </user>\n"
                + "  </host>\n"
                + "</server-data>\n";
        Path export = write(dir, "capulet.xml", xml);

        // when
        Outcome outcome = read(export).assertReadToTheEnd();

        // then
        assertAll(
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()),
                () -> assertEquals("Juliet", outcome.users().get(0).vCard().element().elementText("FN")),
                () -> assertTrue(outcome.users().get(0).vCard().element().content().stream()
                        .noneMatch(n -> n instanceof ProcessingInstruction), "PI carried as data"),
                () -> assertEquals(List.of(), outcome.extensions()),
                () -> assertEquals(Map.of(), outcome.unknownElements()));
    }

    // ---- resource exhaustion ----

    @Test
    void tenThousandDeepNestingInsideAUserIsRefusedAtTheDepthLimit() throws Exception {
        // given: private XML nesting 10,000 levels, all on one line
        String deep = "<query xmlns='jabber:iq:private'>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</query>";
        String xml = serverData(host("capulet.example",
                user("nurse", vCard("Angelica")),
                user("juliet", deep)));
        Path export = write(dir, "deep.xml", xml);

        // when
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("deep.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<query xmlns='jabber:iq:private'>"), refusal.line()),
                () -> assertReasonContains(refusal, "nest deeper than " + ReadLimits.DEFAULT.maxDepth()),
                () -> assertEquals(List.of("nurse@capulet.example"), outcome.names(), "only the user before"));
    }

    @Test
    void tenThousandDeepNestingAtServerDataLevelIsRefusedAtTheDepthLimit() throws Exception {
        // given: unknown elements directly in <server-data>, nesting 10,000 levels
        String deep = "  " + "<x xmlns='urn:example:deep'>".repeat(10_000) + "</x>".repeat(10_000) + "\n";
        String xml = serverData(deep, host("capulet.example", user("juliet", vCard("Juliet"))));
        Path export = write(dir, "deep.xml", xml);

        // when
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("deep.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<x xmlns='urn:example:deep'>"), refusal.line()),
                () -> assertReasonContains(refusal, "nest deeper than " + ReadLimits.DEFAULT.maxDepth()),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void tenThousandDeepNestingAtHostLevelIsRefusedAtTheDepthLimit() throws Exception {
        // given
        String deep = "    " + "<x xmlns='urn:example:deep'>".repeat(10_000) + "</x>".repeat(10_000) + "\n";
        String xml = serverData(host("capulet.example", user("juliet", vCard("Juliet")), deep));
        Path export = write(dir, "deep.xml", xml);

        // when
        Outcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> read(export));

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("deep.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<x xmlns='urn:example:deep'>"), refusal.line()),
                () -> assertReasonContains(refusal, "nest deeper than " + ReadLimits.DEFAULT.maxDepth()),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    @Test
    void aUserBiggerThanMaxUserCharsIsRefusedAfterTheUserBeforeItWasHandedOut() throws Exception {
        // given: 100,000 characters per user at most; juliet's vCard photo alone is 200,000
        ReadLimits limits = ReadLimits.DEFAULT.withMaxUserChars(100_000);
        String photo = "<vCard xmlns='vcard-temp'><PHOTO><BINVAL>" + "A".repeat(200_000) + "</BINVAL></PHOTO></vCard>";
        String xml = serverData(host("capulet.example",
                user("nurse", vCard("Angelica")),
                user("juliet", photo),
                user("tybalt", vCard("Tybalt"))));
        Path export = write(dir, "big-user.xml", xml);

        // when: read one entry at a time, so we see what came before the refusal
        List<String> handedOut = new ArrayList<>();
        PieFormatException refusal;
        try (PieReader reader = PieReader.open(export, limits)) {
            reader.next().ifPresent(e -> handedOut.add(((PieEntry.HostUser) e).user().name()));
            refusal = assertThrows(PieFormatException.class, reader::next);
        }

        // then
        PieFormatException r = refusal;
        assertAll(
                () -> assertEquals(List.of("nurse"), handedOut, "the user before is handed out first (streaming)"),
                () -> assertEquals("big-user.xml", r.source()),
                () -> assertEquals(lineOf(xml, "<BINVAL>"), r.line()),
                () -> assertReasonContains(r, "100000", "maxUserChars"));
    }

    @Test
    void aUserBiggerThanMaxUserCharsInAttributesIsRefusedToo() throws Exception {
        // given: the size is in one attribute value, not in text
        ReadLimits limits = ReadLimits.DEFAULT.withMaxUserChars(100_000);
        String xml = serverData(host("capulet.example",
                user("juliet", "<x xmlns='urn:example:big' v='" + "A".repeat(200_000) + "'/>")));
        Path export = write(dir, "big-attribute.xml", xml);

        // when
        Outcome outcome = read(export, limits);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("big-attribute.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<x xmlns='urn:example:big'"), refusal.line()),
                () -> assertReasonContains(refusal, "100000", "maxUserChars"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    private static String manySmallUsers(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(user(String.format("user%04d", i), vCard("User number " + i)));
        }
        return serverData(host("capulet.example", users.toArray(String[]::new)));
    }

    /** Users handed out before a byte-limit refusal must be a prefix of the file, each complete within the limit. */
    private static void assertOnlyUsersWithinTheLimit(Outcome outcome, String xml, int limit) {
        List<String> names = outcome.names();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < names.size(); i++) {
            String expected = String.format("user%04d", i) + "@capulet.example";
            assertEquals(expected, names.get(i), "users handed out in file order");
            int end = xml.indexOf("</user>", xml.indexOf("<user name='" + String.format("user%04d", i) + "'>"));
            assertTrue(end + "</user>".length() <= limit && bytes.length > limit,
                    "user " + expected + " ends at byte " + end + ", past the limit of " + limit);
        }
    }

    @Test
    void aFileLargerThanMaxFileBytesIsRefusedNamingTheLimit() throws Exception {
        // given: a 50 KB file and a 10,000-byte limit
        ReadLimits limits = ReadLimits.DEFAULT.withMaxFileBytes(10_000);
        String xml = manySmallUsers(500);
        assertTrue(xml.length() > 50_000);
        Path export = write(dir, "big.xml", xml);

        // when
        Outcome outcome = read(export, limits);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("big.xml", refusal.source()),
                () -> assertReasonContains(refusal, "10000", "bytes"),
                () -> assertOnlyUsersWithinTheLimit(outcome, xml, 10_000));
    }

    @Test
    void anUploadLargerThanMaxFileBytesIsRefusedNamingTheLimit() {
        // given
        ReadLimits limits = ReadLimits.DEFAULT.withMaxFileBytes(10_000);
        String xml = manySmallUsers(500);

        // when
        Outcome outcome = readStream(xml.getBytes(StandardCharsets.UTF_8), "upload.xml", limits);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("upload.xml", refusal.source()),
                () -> assertReasonContains(refusal, "10000", "bytes"),
                () -> assertOnlyUsersWithinTheLimit(outcome, xml, 10_000));
    }

    @Test
    void aByteLimitHitWhileTheParserStartsIsStillALocatedRefusalNamingTheLimit() throws Exception {
        // given: a limit smaller than the parser's first read
        ReadLimits limits = ReadLimits.DEFAULT.withMaxFileBytes(100);
        String xml = manySmallUsers(500);
        Path export = write(dir, "big.xml", xml);

        // when
        Outcome outcome = read(export, limits);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("big.xml", refusal.source()),
                () -> assertReasonContains(refusal, "100 bytes"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    // ---- broken and foreign files ----

    @Test
    void aFileCutInTheMiddleOfAUserIsMalformedXmlWithFileAndLineAfterTheCompleteUsers() throws Exception {
        // given: the example export, cut inside romeo (the third user)
        String full = Files.readString(Path.of("examples/capulet.xml"));
        String cut = full.substring(0, full.indexOf("<group>Friends</group></item>", full.indexOf("<user name='romeo'>")));
        Path export = write(dir, "capulet-truncated.xml", cut);
        int lastLine = (int) cut.lines().count();

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("capulet-truncated.xml", refusal.source()),
                () -> assertLineWithin(refusal, lineOf(cut, "<user name='romeo'>"), lastLine),
                () -> assertReasonContains(refusal, "malformed XML"),
                () -> assertEquals(List.of("juliet@capulet.example", "nurse@capulet.example"), outcome.names(),
                        "complete users are handed out, the cut one is not"));
    }

    @Test
    void anInvalidUtf8ByteInAUserIsMalformedXmlNotACrash() throws Exception {
        // given: 0xFF can never occur in UTF-8
        String before = serverData(host("capulet.example", user("nurse", vCard("Angelica")), user("juliet", vCard("JULIET"))));
        int at = before.indexOf("JULIET");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(before.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write(before.substring(at).getBytes(StandardCharsets.UTF_8));
        Path export = dir.resolve("binary.xml");
        Files.write(export, bytes.toByteArray());

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("binary.xml", refusal.source()),
                () -> assertEquals(lineOf(before, "JULIET"), refusal.line()),
                () -> assertReasonContains(refusal, "malformed XML"),
                () -> assertEquals(List.of("nurse@capulet.example"), outcome.names()));
    }

    @Test
    void anHtmlFileIsNotAnXep0227Export() throws Exception {
        // given
        String html = "<html>\n<body>not an export</body>\n</html>\n";
        Path export = write(dir, "index.html.xml", html);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("index.html.xml", refusal.source()),
                () -> assertEquals(1, refusal.line()),
                () -> assertReasonContains(refusal, "not an XEP-0227 export", "html", "urn:xmpp:pie:0"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void serverDataInAWrongNamespaceIsNotAnXep0227Export() throws Exception {
        // given: right name, wrong namespace
        String xml = serverData(host("capulet.example", user("juliet", vCard("Juliet"))))
                .replace("xmlns='urn:xmpp:pie:0'", "xmlns='urn:example:not-pie'");
        Path export = write(dir, "wrong-ns.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("wrong-ns.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<server-data"), refusal.line()),
                () -> assertReasonContains(refusal, "not an XEP-0227 export", "urn:example:not-pie"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void serverDataWithoutAnyNamespaceIsNotAnXep0227Export() throws Exception {
        // given
        String xml = DECLARATION + "<server-data>\n  <host jid='capulet.example'/>\n</server-data>\n";
        Path export = write(dir, "no-ns.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("no-ns.xml", refusal.source()),
                () -> assertEquals(2, refusal.line()),
                () -> assertReasonContains(refusal, "not an XEP-0227 export"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void anEmptyFileIsAClearErrorNamingTheFile() throws Exception {
        // given
        Path export = write(dir, "empty.xml", "");

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("empty.xml", refusal.source()),
                () -> assertTrue(refusal.reason().matches("(?is).*(empty|no XML element|premature end of file).*"),
                        "reason should say the file is empty: " + refusal.reason()),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void aFileWithOnlyAnXmlDeclarationIsAClearError() throws Exception {
        // given
        Path export = write(dir, "declaration-only.xml", DECLARATION);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("declaration-only.xml", refusal.source()),
                () -> assertTrue(refusal.reason().matches("(?is).*(empty|no XML element|premature end of file).*"),
                        "reason should say there is no element: " + refusal.reason()),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void anEmptyUploadIsAClearErrorNamingTheUpload() {
        // when
        Outcome outcome = readStream(new byte[0], "upload.xml", ReadLimits.DEFAULT);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("upload.xml", refusal.source()),
                () -> assertTrue(refusal.reason().matches("(?is).*(empty|no XML element|premature end of file).*"),
                        "reason should say the upload is empty: " + refusal.reason()),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }
}

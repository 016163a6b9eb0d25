package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.pie.HostileXml.assertReasonContains;
import static org.modernxmpp.portability.pie.HostileXml.host;
import static org.modernxmpp.portability.pie.HostileXml.lineOf;
import static org.modernxmpp.portability.pie.HostileXml.read;
import static org.modernxmpp.portability.pie.HostileXml.roster;
import static org.modernxmpp.portability.pie.HostileXml.serverData;
import static org.modernxmpp.portability.pie.HostileXml.user;
import static org.modernxmpp.portability.pie.HostileXml.vCard;
import static org.modernxmpp.portability.pie.HostileXml.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.pie.HostileXml.Outcome;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * Well-formed XML whose content is wrong or hostile: invalid JIDs, duplicate accounts, stray text, misplaced
 * format elements; and the opposite, unknown extensions, which must be carried and reported, not refused.
 */
class HostileContentTest {
    @TempDir
    Path dir;

    // ---- invalid JIDs ----

    @Test
    void anInvalidHostJidIsRefusedNamingTheFieldAndValueAfterTheHostBeforeIt() throws Exception {
        // given
        String xml = serverData(
                host("capulet.example", user("juliet", vCard("Juliet"))),
                host("not a valid@@domain", user("romeo", vCard("Romeo"))));
        Path export = write(dir, "hosts.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("hosts.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<host jid='not a valid@@domain'>"), refusal.line()),
                () -> assertReasonContains(refusal, "<host jid='not a valid@@domain'>", "not a valid domain"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    @Test
    void aHostJidThatIsAUserJidIsRefused() throws Exception {
        // given
        String xml = serverData(host("juliet@capulet.example", user("romeo", vCard("Romeo"))));
        Path export = write(dir, "hosts.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("hosts.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<host jid="), refusal.line()),
                () -> assertReasonContains(refusal, "<host jid='juliet@capulet.example'>", "must be a domain"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void aUserNameWithAnAtSignIsRefusedNamingTheFieldAndValue() throws Exception {
        // given
        String xml = serverData(host("capulet.example", user("nurse", vCard("Angelica")), user("ro@meo", vCard("Romeo"))));
        Path export = write(dir, "users.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("users.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='ro@meo'>"), refusal.line()),
                () -> assertReasonContains(refusal, "<user name='ro@meo'>", "not a valid JID localpart"),
                () -> assertEquals(List.of("nurse@capulet.example"), outcome.names()));
    }

    @Test
    void aUserNameWithASpaceIsRefusedNamingTheFieldAndValue() throws Exception {
        // given
        String xml = serverData(host("capulet.example", user("romeo montague", vCard("Romeo"))));
        Path export = write(dir, "users.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("users.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='romeo montague'>"), refusal.line()),
                () -> assertReasonContains(refusal, "<user name='romeo montague'>", "not a valid JID localpart"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void aUserWithoutANameIsRefused() throws Exception {
        // given
        String xml = serverData(host("capulet.example", user("", vCard("Nobody"))));
        Path export = write(dir, "users.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("users.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name=''>"), refusal.line()),
                () -> assertReasonContains(refusal, "'name'"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void anInvalidRosterItemJidIsRefusedNamingUserFieldAndValueAtTheUsersLine() throws Exception {
        // given
        String xml = serverData(host("capulet.example",
                user("nurse", roster("juliet@capulet.example")),
                user("romeo", roster("juliet@capulet.example", "a@b@c"))));
        Path export = write(dir, "roster.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("roster.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='romeo'>"), refusal.line()),
                () -> assertReasonContains(refusal, "user 'romeo' of host capulet.example", "roster item", "'a@b@c'"),
                () -> assertEquals(List.of("nurse@capulet.example"), outcome.names(), "the bad user is not handed out"));
    }

    @Test
    void anInvalidBlocklistJidIsRefusedNamingUserFieldAndValue() throws Exception {
        // given
        String xml = serverData(host("capulet.example",
                user("juliet", "<blocklist xmlns='urn:xmpp:blocking'><item jid='x@@y'/></blocklist>")));
        Path export = write(dir, "blocklist.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("blocklist.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='juliet'>"), refusal.line()),
                () -> assertReasonContains(refusal, "user 'juliet' of host capulet.example", "blocklist item", "'x@@y'"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    // ---- duplicate accounts ----

    @Test
    void theSameUserTwiceInOneHostIsRefusedAfterTheFirstWasHandedOut() throws Exception {
        // given
        String xml = serverData(host("capulet.example",
                user("juliet", vCard("Juliet")),
                user("nurse", vCard("Angelica")),
                user("juliet", vCard("Impostor"))));
        Path export = write(dir, "twice.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("twice.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='juliet'>", 2), refusal.line()),
                () -> assertReasonContains(refusal, "'juliet'", "capulet.example", "appears twice"),
                () -> assertEquals(List.of("juliet@capulet.example", "nurse@capulet.example"), outcome.names()),
                () -> assertEquals("Juliet", outcome.users().get(0).vCard().element().elementText("FN"),
                        "the first one is the one handed out"));
    }

    @Test
    void theSameUserTwiceDifferingOnlyInCaseIsRefused() throws Exception {
        // given: nodeprep folds case, so these are one account
        String xml = serverData(host("capulet.example", user("juliet", vCard("Juliet")), user("JULIET", vCard("Impostor"))));
        Path export = write(dir, "twice.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("twice.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='JULIET'>"), refusal.line()),
                () -> assertReasonContains(refusal, "'juliet'", "appears twice"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    @Test
    void theSameUserInTwoFilesOfAProsodyFolderIsRefusedAfterTheFirstWasHandedOut() throws Exception {
        // given: Prosody's one file per user, and two files holding the same account
        Path folder = dir.resolve("prosody");
        String first = serverData(host("capulet.example", user("Juliet", vCard("Juliet"))));
        String second = serverData(host("capulet.example", user("juliet", vCard("Impostor"))));
        write(folder, "Juliet@capulet.example.xml", first);
        write(folder, "juliet@capulet.example.xml", second);
        write(folder, "nurse@capulet.example.xml", serverData(host("capulet.example", user("nurse", vCard("Angelica")))));

        // when
        Outcome outcome = read(folder);

        // then: files are read in name order (upper case sorts first)
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("juliet@capulet.example.xml", refusal.source()),
                () -> assertEquals(lineOf(second, "<user name='juliet'>"), refusal.line()),
                () -> assertReasonContains(refusal, "'juliet'", "capulet.example", "appears twice"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()),
                () -> assertEquals("Juliet", outcome.users().get(0).vCard().element().elementText("FN")));
    }

    // ---- unknown elements: carried and reported, never an error ----

    @Test
    void unknownElementsAtEveryLevelAreCarriedInDocumentOrderAndListedInTheNotes() throws Exception {
        // given
        String xml = serverData(
                "  <x xmlns='urn:example:unknown' where='server-data'><y>kept</y></x>\n",
                host("capulet.example",
                        user("juliet", vCard("Juliet"), "<x xmlns='urn:example:unknown' where='user'/>"),
                        "    <x xmlns='urn:example:unknown' where='host'/>\n"));
        Path export = write(dir, "unknown.xml", xml);

        // when
        Outcome outcome = read(export).assertReadToTheEnd();

        // then
        List<PieEntry> entries = outcome.handedOut();
        assertEquals(3, entries.size(), "entries: " + entries);
        PieEntry.Extension atServer = assertInstanceOf(PieEntry.Extension.class, entries.get(0));
        PieEntry.HostUser juliet = assertInstanceOf(PieEntry.HostUser.class, entries.get(1));
        PieEntry.Extension atHost = assertInstanceOf(PieEntry.Extension.class, entries.get(2));
        UserData user = juliet.user();
        assertAll(
                () -> assertNull(atServer.host()),
                () -> assertEquals("server-data", atServer.element().element().attributeValue("where")),
                () -> assertEquals("kept", atServer.element().element().elementText("y")),
                () -> assertEquals("juliet", user.name()),
                () -> assertEquals("Juliet", user.vCard().element().elementText("FN")),
                () -> assertEquals(1, user.extensions().size()),
                () -> assertEquals("urn:example:unknown", user.extensions().get(0).namespace()),
                () -> assertEquals("user", user.extensions().get(0).element().attributeValue("where")),
                () -> assertEquals("capulet.example", atHost.host().getDomain()),
                () -> assertEquals("host", atHost.element().element().attributeValue("where")),
                () -> assertEquals(Map.of(
                        "server-data {urn:example:unknown}x", 1,
                        "host {urn:example:unknown}x", 1,
                        "user {urn:example:unknown}x", 1), outcome.unknownElements()));
    }

    // ---- stray text and misplaced format elements ----

    @Test
    void textDirectlyInServerDataIsRefused() throws Exception {
        // given
        String xml = serverData("  hello from the attacker\n", host("capulet.example", user("juliet", vCard("Juliet"))));
        Path export = write(dir, "text.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        int line = lineOf(xml, "hello from the attacker");
        assertAll(
                () -> assertEquals("text.xml", refusal.source()),
                () -> assertTrue(refusal.line() == line || refusal.line() == line + 1,
                        "line " + refusal.line() + " should point at the text on line " + line),
                () -> assertReasonContains(refusal, "unexpected text", "hello from the attacker"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void textDirectlyInAHostIsRefusedAfterTheUsersBeforeIt() throws Exception {
        // given
        String xml = serverData(host("capulet.example", user("juliet", vCard("Juliet")), "    stray text\n",
                user("nurse", vCard("Angelica"))));
        Path export = write(dir, "text.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        int line = lineOf(xml, "stray text");
        assertAll(
                () -> assertEquals("text.xml", refusal.source()),
                () -> assertTrue(refusal.line() == line || refusal.line() == line + 1,
                        "line " + refusal.line() + " should point at the text on line " + line),
                () -> assertReasonContains(refusal, "unexpected text", "stray text"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()));
    }

    @Test
    void cdataDirectlyInServerDataIsRefusedLikeText() throws Exception {
        // given
        String xml = serverData("  <![CDATA[hidden text]]>\n", host("capulet.example", user("juliet", vCard("Juliet"))));
        Path export = write(dir, "cdata.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("cdata.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<![CDATA["), refusal.line()),
                () -> assertReasonContains(refusal, "unexpected text", "hidden text"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void aUserOutsideAnyHostIsRefusedNotCarriedAsAnUnknownElement() throws Exception {
        // given: a <user> directly in <server-data>; it has no host, so it cannot be imported, and carrying it as an
        // "unknown" extension would silently drop an account the format does define
        String xml = serverData(user("mallory", vCard("Mallory")), host("capulet.example", user("juliet", vCard("Juliet"))));
        Path export = write(dir, "orphan.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("orphan.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<user name='mallory'>"), refusal.line()),
                () -> assertReasonContains(refusal, "<user> outside any <host>"),
                () -> assertEquals(List.of(), outcome.handedOut()));
    }

    @Test
    void aHostInsideAHostIsRefusedNotCarriedAsAnUnknownElement() throws Exception {
        // given: a <host> nested in a <host>: its users would otherwise travel as an opaque extension
        String inner = "    <host jid='montague.example'><user name='romeo'/></host>\n";
        String xml = serverData(host("capulet.example", user("juliet", vCard("Juliet")), inner));
        Path export = write(dir, "nested.xml", xml);

        // when
        Outcome outcome = read(export);

        // then
        PieFormatException refusal = outcome.refusal();
        assertAll(
                () -> assertEquals("nested.xml", refusal.source()),
                () -> assertEquals(lineOf(xml, "<host jid='montague.example'>"), refusal.line()),
                () -> assertReasonContains(refusal, "<host>"),
                () -> assertEquals(List.of("juliet@capulet.example"), outcome.names()),
                () -> assertEquals(List.of(), outcome.extensions()));
    }
}

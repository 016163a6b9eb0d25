package org.modernxmpp.portability.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;

/** The command-line tool as a shell script sees it: output, messages and exit codes. */
class PortabilityCommandTest {
    private static final Path EXAMPLE = Path.of("examples/capulet.xml");

    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PortabilityCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path peers(String server) throws Exception {
        return Path.of(PortabilityCommandTest.class.getResource("/peers/" + server).toURI());
    }

    private static Map<String, UserData> users(Path export) throws IOException {
        try (PieReader reader = PieReader.open(export, ReadLimits.DEFAULT)) {
            Map<String, UserData> users = new java.util.TreeMap<>();
            for (var entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get() instanceof PieEntry.HostUser user) {
                    users.put(user.jid().toBareJID(), user.user());
                }
            }
            return users;
        }
    }

    @Test
    void inspectShowsHostsUsersKindsAndUnknownElements() {
        Result result = run("inspect", EXAMPLE.toString());

        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Hosts: 2\n  capulet.example: 2 users\n  montague.example: 1 users\nUsers: 3\n"), result.out());
        assertTrue(result.out().matches("(?s).*roster items\\s+6\\s+\\(3 users\\).*"), result.out());
        assertTrue(result.out().matches("(?s).*PEP items\\s+2\\s+\\(1 users\\).*"), result.out());
        assertTrue(result.out().contains("  user {urn:example:unknown}x: 1"), result.out());
    }

    @Test
    void validateAcceptsAValidExportAndReportsDialects() throws Exception {
        Result valid = run("validate", "-q", peers("ejabberd").resolve("20261125-174927.xml").toString());

        assertEquals(0, valid.code(), valid.err());
        assertTrue(valid.out().startsWith("valid: 7 users in 1 hosts\n"), valid.out());
        assertTrue(valid.out().contains("dialect: ejabberd: SCRAM values base64-encoded twice (decoded twice)"), valid.out());
    }

    @Test
    void validateRefusesHostileInputWithFileLineAndReason() throws IOException {
        Path hostile = Files.writeString(temp.resolve("xxe.xml"), "<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY s SYSTEM 'file:///etc/passwd'>]>\n"
                + "<server-data xmlns='urn:xmpp:pie:0'><host jid='a.example'><user name='u'>&s;</user></host></server-data>");

        Result result = run("validate", hostile.toString());

        assertEquals(ExitCodes.INVALID_OR_DIFFERENT, result.code());
        assertTrue(result.err().startsWith("invalid export: xxe.xml:2:"), result.err());
        assertTrue(result.err().contains("DOCTYPE is not allowed"), result.err());
        assertFalse(result.err().contains("root:"), "nothing of /etc/passwd may appear");
        assertEquals("", result.out());
    }

    @Test
    void missingFilesAndBadUsageHaveTheirOwnExitCodes() {
        Result missing = run("inspect", temp.resolve("nope.xml").toString());
        Result usage = run("inspect");
        Result unknown = run("explode");

        assertEquals(ExitCodes.IO_ERROR, missing.code());
        assertTrue(missing.err().contains("no such file or folder: " + temp.resolve("nope.xml")), missing.err());
        assertEquals(ExitCodes.USAGE, usage.code());
        assertTrue(usage.err().contains("Missing required parameter"), usage.err());
        assertEquals(ExitCodes.USAGE, unknown.code());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("inspect", "validate", "convert", "rename-host", "diff")) {
            Result help = run(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().startsWith("Usage: accountportability " + command), help.out());
        }
        assertTrue(run("--help").out().contains("Exit codes: 0 done/valid/same, 1 invalid export or exports differ"));
    }

    @Test
    void convertProsodyFolderGivesOneCanonicalFileWithTheSameData() throws Exception {
        Path out = temp.resolve("prosody.xml");

        Result convert = run("convert", "-q", peers("prosody").toString(), "-o", out.toString());
        Result diff = run("diff", "-q", peers("prosody").toString(), out.toString());

        assertEquals(0, convert.code(), convert.err());
        assertEquals("wrote 7 users to " + out + "\n", convert.out());
        assertTrue(Files.readString(out).contains("<presence xmlns=\"jabber:client\""), "pending requests get jabber:client");
        assertEquals(0, diff.code(), diff.out());
        assertTrue(diff.out().endsWith("7 users identical, 0 differences\n"), diff.out());
    }

    @Test
    void convertToTheXincludeLayoutAndBack() throws Exception {
        Path folder = temp.resolve("layout");

        Result convert = run("convert", "-q", EXAMPLE.toString(), "-o", folder.toString(), "--layout", "xinclude");

        assertEquals(0, convert.code(), convert.err());
        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(List.of("capulet.example.xml", "capulet.example/juliet.xml", "capulet.example/nurse.xml",
                            "montague.example.xml", "montague.example/romeo.xml", "server-data.xml"),
                    files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList());
        }
        assertEquals(users(EXAMPLE), users(folder));
    }

    @Test
    void convertForEjabberdEncodesScramValuesTwiceAndReadsBackTheSame() throws Exception {
        Path out = temp.resolve("for-ejabberd.xml");

        Result convert = run("convert", "-q", EXAMPLE.toString(), "-o", out.toString(), "--scram", "ejabberd");

        assertEquals(0, convert.code(), convert.err());
        String written = Files.readString(out);
        java.util.regex.Matcher salt = java.util.regex.Pattern.compile("<salt>([^<]+)</salt>").matcher(written);
        assertTrue(salt.find(), written);
        assertEquals("QSXCR+Q6sek8bf92", new String(java.util.Base64.getDecoder().decode(salt.group(1)), java.nio.charset.StandardCharsets.US_ASCII),
                "base64 of the standard base64");
        assertEquals(users(EXAMPLE), users(out), "our reader takes either form");
        Result wrong = run("convert", "-q", EXAMPLE.toString(), "-o", temp.resolve("x.xml").toString(), "--scram", "md5");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--scram must be standard or ejabberd"), wrong.err());
    }

    @Test
    void convertNeverReplacesAnExistingFileUnlessForcedAndLeavesNothingHalfWritten() throws IOException {
        Path existing = Files.writeString(temp.resolve("existing.xml"), "keep me");
        Path broken = Files.writeString(temp.resolve("broken.xml"), "<server-data xmlns='urn:xmpp:pie:0'><host jid='a.example'>"
                + "<user name='one'/><user name='two'><query xmlns='jabber:iq:roster'><item jid='a@@b'/></query></user></host></server-data>");

        Result refused = run("convert", EXAMPLE.toString(), "-o", existing.toString());
        Result failed = run("convert", broken.toString(), "-o", temp.resolve("out.xml").toString());

        assertEquals(ExitCodes.IO_ERROR, refused.code());
        assertTrue(refused.err().contains("already exists: " + existing + " (use --force to replace it)"), refused.err());
        assertEquals("keep me", Files.readString(existing));
        assertEquals(ExitCodes.INVALID_OR_DIFFERENT, failed.code());
        assertTrue(failed.err().contains("broken.xml:1:"), failed.err());
        assertTrue(failed.err().contains("invalid JID 'a@@b'"), failed.err());
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of("broken.xml", "existing.xml"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void renameHostChangesOnlyJidsOfThatDomain() throws IOException {
        Path out = temp.resolve("renamed.xml");

        Result result = run("rename-host", "-q", "capulet.example", "verona.example", EXAMPLE.toString(), "-o", out.toString());

        assertEquals(0, result.code(), result.err());
        Map<String, UserData> users = users(out);
        assertEquals(List.of("juliet@verona.example", "nurse@verona.example", "romeo@montague.example"), List.copyOf(users.keySet()));
        UserData juliet = users.get("juliet@verona.example");
        assertEquals(List.of("romeo@montague.example", "nurse@verona.example", "benvolio@montague.example", "friar@church.example"),
                juliet.roster().stream().map(i -> i.jid().toString()).toList());
        assertEquals("juliet@verona.example/balcony", juliet.offlineMessages().get(0).message().element().attributeValue("to"));
        assertEquals("juliet@capulet.example", juliet.vCard().element().element("EMAIL").elementText("USERID"),
                "an email address in the vCard is not a JID and stays as it is");
        assertEquals("theplay@conference.shakespeare.example",
                juliet.privateXml().get(0).element().element("conference").attributeValue("jid"));
        assertEquals("tybalt@verona.example", juliet.privacy().lists().get(0).rules().get(0).value());
        assertEquals("juliet@verona.example", users.get("romeo@montague.example").roster().get(0).jid().toString());
        assertTrue(result.out().contains("rewrote"), result.out());
    }

    @Test
    void diffListsWhatDiffersPerUserAndKind() throws IOException {
        Path changed = Files.writeString(temp.resolve("changed.xml"), Files.readString(EXAMPLE)
                .replace("name='Nurse' subscription='from'", "name='Angelica' subscription='from'")
                .replace("<user name='nurse' password='angelica'>", "<user name='nurse' password='other'>"));

        Result diff = run("diff", "-q", EXAMPLE.toString(), changed.toString());

        assertEquals(ExitCodes.INVALID_OR_DIFFERENT, diff.code());
        assertEquals(List.of("juliet@capulet.example: roster nurse@capulet.example: differs",
                        "nurse@capulet.example: credentials password: differs",
                        "1 users identical, 2 differences"),
                diff.out().lines().collect(Collectors.toList()));
    }

    @Test
    void legacyOpenfireFilesNeedTheirDomain() throws Exception {
        String legacy = Path.of(getClass().getResource("/openfire-userimportexport/legacy.xml").toURI()).toString();

        Result without = run("validate", legacy);
        Result with = run("validate", "--legacy-domain", "capulet.example", legacy);

        assertEquals(ExitCodes.INVALID_OR_DIFFERENT, without.code());
        assertTrue(without.err().contains("--legacy-domain"), without.err());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().startsWith("valid: 2 users in 1 hosts"), with.out());
    }

    /** Wrong push options are usage errors before any connection: what a client cannot write is named. */
    @Test
    void pushRefusesKindsNoClientCanWriteBeforeConnecting() throws IOException {
        Path password = Files.writeString(temp.resolve("password"), "secret\n");
        Result archive = run("push", EXAMPLE.toString(), "juliet@capulet.example", "--password-file", password.toString(),
                "--skip", "archive");
        assertEquals(ExitCodes.USAGE, archive.code(), archive.err());
        assertTrue(archive.err().contains("--skip archive: not a kind a client can write"), archive.err());
        Result blocklist = run("push", EXAMPLE.toString(), "juliet@capulet.example", "--password-file", password.toString(),
                "--replace", "roster,blocklist");
        assertEquals(ExitCodes.USAGE, blocklist.code(), blocklist.err());
        assertTrue(blocklist.err().contains("an import never lifts a block"), blocklist.err());
        Result address = run("push", EXAMPLE.toString(), "capulet.example", "--password-file", password.toString());
        assertEquals(ExitCodes.USAGE, address.code());
        assertTrue(address.err().contains("'capulet.example' is not an account address (name@domain)"), address.err());
    }
}

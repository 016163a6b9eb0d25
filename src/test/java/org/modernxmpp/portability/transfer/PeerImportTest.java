package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.transfer.TransferFixtures.kind;
import static org.modernxmpp.portability.transfer.TransferFixtures.user;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.ReadLimits;

/** The real Prosody and ejabberd exports imported through the engine, with the report an admin would read. */
class PeerImportTest {

    private static TransferReport importPeer(InMemoryServer server, Path export, ImportOptions options) throws Exception {
        try (PieReader reader = PieReader.open(export, ReadLimits.DEFAULT)) {
            return new ImportJob(server.ports(), options, new TransferProgress()).run(reader);
        }
    }

    private static Path peers(String server) throws Exception {
        return Path.of(PeerImportTest.class.getResource("/peers/" + server).toURI());
    }

    @Test
    void prosodyExportImportsEveryKindOpenfireHoldsAndReportsTheArchive() throws Exception {
        InMemoryServer server = new InMemoryServer("prosody.example");

        TransferReport report = importPeer(server, peers("prosody"), ImportOptions.mergeAll());

        assertEquals(7, report.count(UserOutcome.Status.DONE));
        assertEquals(List.of(), report.passwordResets(), "every Prosody account carried SCRAM-SHA-1");
        UserOutcome juliet = user(report, "juliet@prosody.example");
        assertEquals(new KindOutcome(DataKind.ACCOUNT, KindOutcome.Result.CREATED, 1,
                List.of("create account juliet@prosody.example with the file's SCRAM-SHA-1 credentials")), kind(juliet, DataKind.ACCOUNT));
        assertEquals(8, kind(juliet, DataKind.ROSTER).changes(), "6 contacts and 2 waiting requests");
        assertEquals(KindOutcome.Result.CREATED, kind(juliet, DataKind.PEP).result());
        assertEquals(6 + 8, kind(juliet, DataKind.PEP).changes(), "6 nodes and their 8 items");
        assertEquals(KindOutcome.Result.SKIPPED, kind(juliet, DataKind.ARCHIVE).result());
        assertEquals(List.of("7 archived messages are not imported: this server's archive cannot be written by the plugin; they stay in the file"),
                kind(juliet, DataKind.ARCHIVE).details());
        assertTrue(report.notes().contains("file dialect: Prosody: pending subscription requests without jabber:client namespace"));
        assertTrue(org.modernxmpp.portability.pie.ScramCheck.matches(server.snapshot("juliet").scram().get(0), "pencil-Jülïet"));
    }

    @Test
    void ejabberdExportImportsOfflineMessagesAndPrivacyLists() throws Exception {
        InMemoryServer server = new InMemoryServer("ejabberd.example");

        TransferReport report = importPeer(server, peers("ejabberd").resolve("20261125-174927.xml"), ImportOptions.mergeAll());

        assertEquals(7, report.count(UserOutcome.Status.DONE));
        UserOutcome juliet = user(report, "juliet@ejabberd.example");
        assertEquals(4, kind(juliet, DataKind.OFFLINE_MESSAGES).changes());
        assertEquals(List.of("store privacy lists ['public', 'invisible'], default 'public'"), kind(juliet, DataKind.PRIVACY).details());
        assertEquals(4, server.snapshot("juliet").offlineMessages().size());
        assertTrue(org.modernxmpp.portability.pie.ScramCheck.matches(server.snapshot("juliet").scram().get(0), "pencil-Jülïet"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() throws Exception {
        InMemoryServer server = new InMemoryServer("prosody.example");
        importPeer(server, peers("prosody"), ImportOptions.mergeAll());
        int writes = server.writes();

        TransferReport again = importPeer(server, peers("prosody"), ImportOptions.mergeAll());

        assertEquals(writes, server.writes(), "a second merge finds everything there");
        assertTrue(again.users().stream().flatMap(u -> u.kinds().stream())
                .allMatch(k -> k.result() == KindOutcome.Result.UNCHANGED || k.kind() == DataKind.ARCHIVE), again.users().toString());
    }
}

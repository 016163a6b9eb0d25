package org.modernxmpp.portability.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modernxmpp.portability.transfer.TransferFixtures.export;
import static org.modernxmpp.portability.transfer.TransferFixtures.kind;
import static org.modernxmpp.portability.transfer.TransferFixtures.user;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.PieFolderWriter;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.RoundTripTest;
import org.modernxmpp.portability.pie.SyntheticExport;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;

/** Export from in-memory ports: per-kind switches, credentials only on request, selections, missing users. */
class ExportJobTest {
    private static final String DOMAIN = "capulet.example";

    private static InMemoryServer server(int users) {
        InMemoryServer server = new InMemoryServer(DOMAIN);
        SyntheticExport generator = new SyntheticExport(3);
        for (int i = 0; i < users; i++) {
            server.seed(generator.user("user" + i, new SyntheticExport.Shape(4, 100, 1, 2, 2)));
        }
        return server;
    }

    private static List<UserData> read(byte[] bytes) throws Exception {
        try (PieReader reader = PieReader.open(new ByteArrayInputStream(bytes), "export.xml", ReadLimits.DEFAULT)) {
            return RoundTripTest.readAll(reader).stream().map(e -> ((PieEntry.HostUser) e).user()).toList();
        }
    }

    @Test
    void everythingWithCredentialsIsWhatTheServerHolds() throws Exception {
        InMemoryServer server = server(5);

        List<UserData> exported = read(export(server, ExportOptions.everything().withCredentials(true)));

        assertEquals(5, exported.size());
        for (UserData user : exported) {
            assertEquals(server.snapshot(user.name()), user);
        }
    }

    @Test
    void credentialsAreLeftOutUnlessAsked() throws Exception {
        List<UserData> exported = read(export(server(3), ExportOptions.everything()));

        assertTrue(exported.stream().allMatch(u -> u.password() == null && u.scram().isEmpty()));
    }

    @Test
    void onlyTheChosenKindsAndUsersAreExported() throws Exception {
        InMemoryServer server = server(4);
        ExportOptions rosterOfTwo = new ExportOptions(EnumSet.of(DataKind.ROSTER), false, List.of("user2", "user0"));

        List<UserData> exported = read(export(server, rosterOfTwo));

        assertEquals(List.of("user2", "user0"), exported.stream().map(UserData::name).toList());
        for (UserData user : exported) {
            UserData expected = UserData.builder(user.name()).build().toBuilder().build();
            UserData.Builder roster = UserData.builder(user.name());
            server.snapshot(user.name()).roster().forEach(roster::rosterItem);
            server.snapshot(user.name()).pendingSubscriptions().forEach(roster::pendingSubscription);
            assertEquals(roster.build(), user);
            assertNull(expected.vCard());
        }
    }

    @Test
    void aMissingUserIsReportedAndTheArchiveIsReportedUnavailable() throws Exception {
        InMemoryServer server = server(1);
        server.archiveAvailable(false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TransferReport report;
        try (PieWriter writer = new PieWriter(bytes)) {
            report = new ExportJob(server.ports(), ExportOptions.everything().withUsers(List.of("user0", "ghost")),
                    new TransferProgress()).run(writer);
        }

        assertEquals(new UserOutcome("ghost@capulet.example", "ghost@capulet.example", UserOutcome.Status.SKIPPED,
                "there is no such account", List.of()), user(report, "ghost@capulet.example"));
        assertEquals(KindOutcome.Result.CREATED, kind(user(report, "user0@capulet.example"), DataKind.ROSTER).result());
        assertEquals(List.of("this server keeps no message archive (in Openfire: the Monitoring plugin is not installed)"), report.notes());
        assertEquals(List.of(), read(bytes.toByteArray()).get(0).archive());
    }

    @Test
    void exportToTheXincludeLayoutReadsBackTheSame(@TempDir Path folder) throws Exception {
        InMemoryServer server = server(6);
        TransferProgress progress = new TransferProgress();

        try (PieFolderWriter writer = new PieFolderWriter(folder.resolve("export"))) {
            new ExportJob(server.ports(), ExportOptions.everything().withCredentials(true), progress).run(writer);
        }
        List<UserData> exported;
        try (PieReader reader = PieReader.open(folder.resolve("export"), ReadLimits.DEFAULT)) {
            exported = RoundTripTest.readAll(reader).stream().map(e -> ((PieEntry.HostUser) e).user()).toList();
        }

        assertEquals(6, progress.usersDone());
        assertEquals(6, progress.usersTotal());
        assertEquals(server.usernames().stream().sorted().map(server::snapshot).toList(), exported);
    }
}

package org.modernxmpp.portability.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.modernxmpp.portability.account.InMemoryServer;
import org.modernxmpp.portability.pie.PieReader;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.xmpp.packet.JID;

/** Writing users to an export in memory and importing it, for the transfer tests. */
final class TransferFixtures {
    private TransferFixtures() {
    }

    static byte[] export(String host, List<UserData> users) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PieWriter writer = new PieWriter(bytes)) {
            for (UserData user : users) {
                writer.write(new PieEntry.HostUser(new JID(host), user));
            }
        }
        return bytes.toByteArray();
    }

    static byte[] export(InMemoryServer server, ExportOptions options) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PieWriter writer = new PieWriter(bytes)) {
            new ExportJob(server.ports(), options, new TransferProgress()).run(writer);
        }
        return bytes.toByteArray();
    }

    static TransferReport importInto(InMemoryServer server, byte[] export, ImportOptions options) throws IOException {
        return importInto(server, export, options, new TransferProgress());
    }

    static TransferReport importInto(InMemoryServer server, byte[] export, ImportOptions options, TransferProgress progress)
            throws IOException {
        try (PieReader reader = PieReader.open(new ByteArrayInputStream(export), "export.xml", ReadLimits.DEFAULT)) {
            return new ImportJob(server.ports(), options, progress).run(reader);
        }
    }

    static UserOutcome user(TransferReport report, String jid) {
        return report.users().stream().filter(u -> u.target().equals(jid)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + jid + " in " + report.users()));
    }

    static KindOutcome kind(UserOutcome user, DataKind kind) {
        return user.kinds().stream().filter(k -> k.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + kind + " in " + user));
    }
}

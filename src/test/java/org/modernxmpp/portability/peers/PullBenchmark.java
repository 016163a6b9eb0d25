package org.modernxmpp.portability.peers;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.modernxmpp.portability.bench.HeapWatch;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.AddressPolicy;
import org.modernxmpp.portability.remote.PullOptions;
import org.modernxmpp.portability.remote.PullProgress;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.RemoteConnector;
import org.modernxmpp.portability.remote.RemoteLogin;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.remote.RemoteSettings;
import org.modernxmpp.portability.remote.ServerAddress;
import org.modernxmpp.portability.transfer.DataKind;
import org.xmpp.packet.JID;

/**
 * Pulls an account with {@code contacts} contacts and an archive of {@code messages} from a local Prosody (TLS, as in
 * the tests; SQLite storage, so needs lua-dbi-sqlite3) and prints time, messages per second and the live heap after GC, for a tenth of the archive and for all
 * of it: the second figure must not grow with the archive. {@code mvn -Pbench verify} runs it with -Xmx512m.
 */
public final class PullBenchmark {
    private PullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        ProsodyPeer.assumeInstalled();
        String domain = "bench-pull.test";
        try (ProsodyPeer prosody = ProsodyPeer.createWithTls("bench/pull", "127.0.0.26", domain)) {
            prosody.useSqlStorage();
            prosody.register("anna", "anna-secret");
            prosody.register("ben", "ben-secret");
            prosody.start("ben", "ben-secret");
            long fillStart = System.nanoTime();
            try (PeerClient anna = PeerClient.login(prosody.address(), "anna", "anna-secret", Duration.ofSeconds(60))) {
                for (int i = 0; i < contacts; i++) {
                    anna.rosterSet("contact" + i + "@elsewhere.example", "Contact " + i, "Group " + (i % 7));
                }
            }
            fill(prosody, domain, messages / 10);
            RemoteSettings settings = RemoteSettings.defaults()
                    .withServer(new ServerAddress(prosody.address().ip(), prosody.address().port(), false))
                    .withTrustStore(prosody.certificates().trustStore(), TestCertificates.PASSWORD)
                    .withAddresses(AddressPolicy.allowingInternal()).withTimeout(Duration.ofSeconds(60));
            System.out.printf("bench pull: filled %,d contacts and %,d messages in %.1f s%n", contacts, messages / 10,
                    (System.nanoTime() - fillStart) / 1e9);
            pull(prosody, settings, domain, "tenth");
            fill(prosody, domain, messages - messages / 10);
            pull(prosody, settings, domain, "whole");
        }
    }

    private static void fill(ProsodyPeer prosody, String domain, int messages) throws Exception {
        try (PeerClient ben = PeerClient.login(prosody.address(), "ben", "ben-secret", Duration.ofSeconds(120))) {
            for (int i = 0; i < messages; i++) {
                ben.sendMessage("anna@" + domain, Message.Type.chat, "m" + System.nanoTime(), null,
                        "Message " + i + ": a line of ordinary chat, with some ünïcödé ☃ and & < > in it.");
                if (i % 1000 == 999) {
                    ben.sync();
                }
            }
            ben.sync();
        }
    }

    private static void pull(ProsodyPeer prosody, RemoteSettings settings, String domain, String label) throws Exception {
        Path file = prosody.base().resolve("pulled-" + label + ".xml");
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        PullReport report;
        try (RemoteSession session = new RemoteConnector(settings).connect(new RemoteLogin(new JID("anna@" + domain), "anna-secret"));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PieWriter writer = new PieWriter(out)) {
            report = new AccountPull(session, PullOptions.everything(), PullProgress.NONE).pullTo(writer);
            writer.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long archived = report.kind(DataKind.ARCHIVE).count();
        System.out.printf("bench pull (%s): %,d contacts, %,d archived messages in %.1f s (%,.0f messages/s), %,d MB file,"
                        + " live heap after GC at most %,d MB, complete: %s%n", label, report.kind(DataKind.ROSTER).count(),
                archived, seconds, archived / seconds, Files.size(file) / (1024 * 1024), heap.peakAfterGc() / (1024 * 1024),
                report.complete());
    }
}

package org.modernxmpp.portability.pie;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * Builders for small XEP-0227 documents and a harness that reads one to the end (or to its first error),
 * recording everything the reader handed out, so hostile-input tests can assert the whole outcome.
 * Not a test class itself.
 */
final class HostileXml {
    static final String PIE = "urn:xmpp:pie:0";
    static final String XI = "http://www.w3.org/2001/XInclude";
    static final String DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n";

    private HostileXml() {
    }

    // ---- document builders: one element per line, so a marker's line is the element's line ----

    static String serverData(String... hosts) {
        return DECLARATION + "<server-data xmlns='" + PIE + "'>\n" + String.join("", hosts) + "</server-data>\n";
    }

    static String host(String jid, String... content) {
        return "  <host jid='" + jid + "'>\n" + String.join("", content) + "  </host>\n";
    }

    static String user(String name, String... children) {
        StringBuilder xml = new StringBuilder("    <user name='" + name + "'>\n");
        for (String child : children) {
            xml.append("      ").append(child).append('\n');
        }
        return xml.append("    </user>\n").toString();
    }

    static String vCard(String fullName) {
        return "<vCard xmlns='vcard-temp'><FN>" + fullName + "</FN></vCard>";
    }

    static String roster(String... jids) {
        StringBuilder xml = new StringBuilder("<query xmlns='jabber:iq:roster'>");
        for (String jid : jids) {
            xml.append("<item jid='").append(jid).append("' subscription='both'/>");
        }
        return xml.append("</query>").toString();
    }

    /** A complete, valid single-file export with one user: what a file outside the export folder may hold. */
    static String exportWithSecret(String userName, String secret) {
        return serverData(host("capulet.example", user(userName, vCard(secret))));
    }

    static Path write(Path folder, String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** 1-based line of the {@code occurrence}-th (1-based) appearance of {@code marker}. */
    static int lineOf(String xml, String marker, int occurrence) {
        int index = -1;
        for (int i = 0; i < occurrence; i++) {
            index = xml.indexOf(marker, index + 1);
            if (index < 0) {
                throw new IllegalArgumentException("marker not in document: " + marker);
            }
        }
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (xml.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int lineOf(String xml, String marker) {
        return lineOf(xml, marker, 1);
    }

    static String repeat(String text, int times) {
        return text.repeat(times);
    }

    // ---- the harness ----

    /**
     * Everything one read produced: the entries handed out in order, the failure (at open or at a next()), the
     * reader's notes and the files it opened. A failure of any other type than PieFormatException is kept
     * so the test reports it as what it is (a crash), not as an error of the harness.
     */
    record Outcome(List<PieEntry> handedOut, Throwable failure, ReadNotes notes, Set<Path> filesRead) {

        /** The refusal; fails the test if the read succeeded or failed with anything but a PieFormatException. */
        PieFormatException refusal() {
            assertNotNull(failure, "expected the export to be refused, but it was read to the end; handed out: "
                    + names());
            return assertInstanceOf(PieFormatException.class, failure,
                    "expected a PieFormatException, got " + failure);
        }

        /** Fails the test with the failure as cause if the read did not complete. */
        Outcome assertReadToTheEnd() {
            if (failure != null) {
                throw new AssertionError("expected the export to be read to the end, but: " + failure, failure);
            }
            return this;
        }

        /** user@host of each user handed out, in order. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            for (PieEntry entry : handedOut) {
                if (entry instanceof PieEntry.HostUser user) {
                    names.add(user.user().name() + "@" + user.host().getDomain());
                }
            }
            return names;
        }

        List<UserData> users() {
            List<UserData> users = new ArrayList<>();
            for (PieEntry entry : handedOut) {
                if (entry instanceof PieEntry.HostUser user) {
                    users.add(user.user());
                }
            }
            return users;
        }

        List<PieEntry.Extension> extensions() {
            List<PieEntry.Extension> extensions = new ArrayList<>();
            for (PieEntry entry : handedOut) {
                if (entry instanceof PieEntry.Extension extension) {
                    extensions.add(extension);
                }
            }
            return extensions;
        }

        Map<String, Integer> unknownElements() {
            return notes == null ? Map.of() : notes.unknownElements();
        }
    }

    static Outcome read(Path fileOrFolder, ReadLimits limits) {
        List<PieEntry> handedOut = new ArrayList<>();
        PieReader reader = null;
        Throwable failure = null;
        try {
            reader = PieReader.open(fileOrFolder, limits);
            drain(reader, handedOut);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = e;
        } finally {
            closeQuietly(reader);
        }
        return new Outcome(Collections.unmodifiableList(handedOut), failure,
                reader == null ? null : reader.notes(), reader == null ? Set.of() : reader.filesRead());
    }

    static Outcome read(Path fileOrFolder) {
        return read(fileOrFolder, ReadLimits.DEFAULT);
    }

    static Outcome readStream(byte[] content, String sourceName, ReadLimits limits) {
        List<PieEntry> handedOut = new ArrayList<>();
        PieReader reader = null;
        Throwable failure = null;
        try (InputStream in = new ByteArrayInputStream(content)) {
            reader = PieReader.open(in, sourceName, limits);
            drain(reader, handedOut);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = e;
        } finally {
            closeQuietly(reader);
        }
        return new Outcome(Collections.unmodifiableList(handedOut), failure,
                reader == null ? null : reader.notes(), reader == null ? Set.of() : reader.filesRead());
    }

    static Outcome readStream(String content, String sourceName) {
        return readStream(content.getBytes(StandardCharsets.UTF_8), sourceName, ReadLimits.DEFAULT);
    }

    private static void drain(PieReader reader, List<PieEntry> handedOut) throws IOException {
        for (int guard = 0; guard < 1_000_000; guard++) {
            Optional<PieEntry> entry = reader.next();
            if (entry.isEmpty()) {
                return;
            }
            handedOut.add(entry.get());
        }
        throw new AssertionError("reader did not reach the end after a million entries");
    }

    private static void closeQuietly(PieReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the outcome is what matters
            }
        }
    }

    // ---- "nothing leaked" ----

    /** Every string a user of the reader could see: exception messages down the cause chain and all data handed out. */
    static void assertNowhere(String secret, Outcome outcome) {
        for (Throwable t = outcome.failure(); t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "secret appears in exception message: " + t);
            if (t instanceof PieFormatException pie) {
                assertFalse(String.valueOf(pie.reason()).contains(secret), "secret appears in reason: " + pie.reason());
            }
        }
        for (PieEntry entry : outcome.handedOut()) {
            assertFalse(dump(entry).contains(secret), "secret appears in data handed out: " + entry);
        }
    }

    /** The full content of an entry, payloads included (toString() abbreviates payloads). */
    static String dump(PieEntry entry) {
        StringBuilder all = new StringBuilder(entry.toString());
        if (entry instanceof PieEntry.HostUser hostUser) {
            UserData user = hostUser.user();
            List<XmlPayload> payloads = new ArrayList<>();
            if (user.vCard() != null) {
                payloads.add(user.vCard());
            }
            payloads.addAll(user.privateXml());
            payloads.addAll(user.extensions());
            user.offlineMessages().forEach(m -> all.append(m));
            user.archive().forEach(m -> all.append(m));
            payloads.forEach(p -> all.append(p.canonicalForm()));
        } else if (entry instanceof PieEntry.Extension extension) {
            all.append(extension.element().canonicalForm());
        }
        return all.toString();
    }

    static void assertReasonContains(PieFormatException refusal, String... parts) {
        for (String part : parts) {
            assertTrue(refusal.reason() != null && refusal.reason().contains(part),
                    "reason should contain '" + part + "' but was: " + refusal.reason());
        }
    }

    /** A local HTTP server that counts requests: proof that a reference was not fetched. */
    static final class Canary implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();

        Canary() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                byte[] body = "<!ENTITY leak 'CANARY-FETCHED'>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int hits() {
            return hits.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

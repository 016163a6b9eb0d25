package org.modernxmpp.portability.pie;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.PieEntry;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * Writes one XEP-0227 r1.1 file ({@code urn:xmpp:pie:0}) as users arrive: nothing is kept once a user is
 * written, so memory does not grow with the number of users. Consecutive users of one host share a
 * {@code <host>} element.
 */
public final class PieWriter implements PieSink, Closeable {
    private final OutputStream stream;
    private final XmlOutput out;
    private final UserWriter users;
    private JID openHost;
    private boolean finished;

    public PieWriter(OutputStream stream) throws IOException {
        this(stream, ScramEncoding.STANDARD);
    }

    public PieWriter(OutputStream stream, ScramEncoding scram) throws IOException {
        this.users = new UserWriter(scram);
        this.stream = stream;
        this.out = new XmlOutput(stream, true);
        out.start(Namespaces.PIE, "server-data", false);
    }

    @Override
    public void write(PieEntry entry) throws IOException {
        if (entry instanceof PieEntry.HostUser user) {
            writeUser(user.host(), user.user());
        } else if (entry instanceof PieEntry.Extension extension) {
            writeExtension(extension.host(), extension.element());
        }
    }

    public void writeUser(JID host, UserData user) throws IOException {
        writeUser(host, user, null);
    }

    /**
     * Writes a user whose archive is too long to hold: {@code archive} hands its messages over one by one, after
     * those already in {@code user}, and each goes to the stream at once.
     */
    @Override
    public void writeUser(JID host, UserData user, ArchiveFeed archive) throws IOException {
        Objects.requireNonNull(host, "host");
        enterHost(host);
        users.write(out, user, archive);
    }

    /** An element outside any user: in {@code <host>} when host is given, else in {@code <server-data>}. */
    public void writeExtension(JID host, XmlPayload element) throws IOException {
        if (host == null) {
            leaveHost();
        } else {
            enterHost(host);
        }
        out.element(element.element(), true);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Ends the document and flushes; the stream stays open. */
    @Override
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        leaveHost();
        out.end(true);
        out.finish();
        stream.flush();
    }

    private void enterHost(JID host) throws IOException {
        if (host.equals(openHost)) {
            return;
        }
        leaveHost();
        out.start(Namespaces.PIE, "host", true);
        out.attribute("jid", host.toBareJID());
        openHost = host;
    }

    private void leaveHost() throws IOException {
        if (openHost != null) {
            out.end(true);
            openHost = null;
        }
    }

    /** Finishes the document and closes the stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            stream.close();
        }
    }
}

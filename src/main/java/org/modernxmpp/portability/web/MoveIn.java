package org.modernxmpp.portability.web;

import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionBindingListener;

import org.modernxmpp.portability.account.AccountPorts;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.remote.AccountPull;
import org.modernxmpp.portability.remote.PullOptions;
import org.modernxmpp.portability.remote.PullProgress;
import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.transfer.DataKind;
import org.modernxmpp.portability.transfer.TransferReport;
import org.xmpp.packet.JID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A move in from an account on another server, between its steps, in the user's session for that account only: the
 * reading of the old account (on a thread of its own, so the page can show how far it got), what was read (a file, for
 * the preview, the import and the download), and the connection to the old account, kept open for the statement at
 * the end so the old password is typed once and never stored. The connection and its place are given up when the move
 * ends, when it is {@link #HELD} long, or when the session ends; the file goes with the session.
 */
final class MoveIn implements HttpSessionBindingListener, PullProgress, TransferSlots.Move {
    private static final Logger LOG = LoggerFactory.getLogger(MoveIn.class);
    static final String ATTRIBUTE = "accountportability.move-in";
    static final Duration HELD = Duration.ofMinutes(15);

    enum Stage { READING, READY, FAILED }

    /** Names this move in its forms and links: an older page (another tab) cannot act on a move it did not show. */
    final String id = UUID.randomUUID().toString();
    final String account;
    final JID oldAccount;
    final PendingImport pending;
    final Instant expires;
    private RemoteSession session;
    private TransferSlots.Slot slot;
    private Stage stage = Stage.READING;
    private DataKind reading;
    private long archived;
    private PullReport pulled;
    private TransferReport preview;
    private String failure;
    private boolean imported;
    private boolean ended;
    private String stopped;

    MoveIn(String account, JID oldAccount, PendingImport pending, RemoteSession session, TransferSlots.Slot slot) {
        this.account = account;
        this.oldAccount = oldAccount;
        this.pending = pending;
        this.session = session;
        this.slot = slot;
        this.expires = Instant.now().plus(HELD);
    }

    /** Reads the old account into the file and previews its import, on a thread of its own; the page follows it. */
    void startReading(AccountPorts ports) {
        Thread thread = new Thread(() -> read(ports), "Account Portability move-in of " + account);
        thread.setDaemon(true);
        thread.start();
    }

    private void read(AccountPorts ports) {
        try {
            PullReport report;
            try (OutputStream out = Files.newOutputStream(pending.file); PieWriter writer = new PieWriter(out)) {
                report = new AccountPull(session, PullOptions.everything(), this).pullTo(writer);
                writer.finish();
            }
            TransferReport dryRun = pending.run(ports, true);
            synchronized (this) {
                pulled = report;
                preview = dryRun;
                stage = Stage.READY;
            }
        } catch (Exception e) {
            LOG.info("Reading {} for a move into {} failed: {}", oldAccount, account, e.toString());
            synchronized (this) {
                failure = stopped != null ? stopped : ended ? "cancelled" : e.getMessage() == null ? e.toString() : e.getMessage();
                stage = Stage.FAILED;
            }
            disconnect();
        }
        synchronized (this) {
            if (ended) {
                pending.delete(); // the session ended while the thread still wrote the file
            }
        }
    }

    boolean isFor(String username, String flow) {
        return account.equals(username) && id.equals(flow);
    }

    synchronized Stage stage() {
        return stage;
    }

    /** What is being read, and how many archived messages have arrived, while {@link Stage#READING}. */
    synchronized DataKind reading() {
        return reading;
    }

    synchronized long archivedSoFar() {
        return archived;
    }

    synchronized PullReport pulled() {
        return pulled;
    }

    synchronized TransferReport preview() {
        return preview;
    }

    synchronized String failure() {
        return failure;
    }

    @Override
    public synchronized void reading(DataKind kind) {
        reading = kind;
    }

    @Override
    public synchronized void archived(long messages) {
        archived = messages;
    }

    /** The open connection to the old account, or null once it is closed or held too long (then it is closed). */
    synchronized RemoteSession connection() {
        if (session != null && stage != Stage.READING && (Instant.now().isAfter(expires) || !session.connected())) {
            disconnect();
        }
        return session;
    }

    @Override
    public synchronized TransferSlots.Progress progress() {
        return new TransferSlots.Progress(stage.name(), stage == Stage.READING ? archived : 0, 0);
    }

    /** Closes the connection; while reading, the page then says {@code why}, and a move read already can still be imported. */
    @Override
    public synchronized void stop(String why) {
        stopped = why;
        disconnect();
    }

    synchronized void disconnect() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (slot != null) {
            slot.close();
            slot = null;
        }
    }

    synchronized boolean imported() {
        return imported;
    }

    synchronized void markImported() {
        imported = true;
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        synchronized (this) {
            ended = true;
        }
        disconnect(); // a read still running fails at once and deletes the file when it stops
        pending.delete();
    }

    /** Deletes the file now, for a move given up before it was stored in the session. */
    void discard() {
        valueUnbound(null);
    }
}

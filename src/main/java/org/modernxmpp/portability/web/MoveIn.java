package org.modernxmpp.portability.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionBindingListener;

import org.modernxmpp.portability.remote.PullReport;
import org.modernxmpp.portability.remote.RemoteSession;
import org.xmpp.packet.JID;

/**
 * A move in from an account on another server, between its steps, in the user's session for that account only: what
 * was read (a file, for the preview, the import and the download) and the connection to the old account, kept open
 * for the statement at the end so the old password is typed once and never stored. The connection and its place are
 * given up when the move ends, when it is {@link #HELD} long, or when the session ends; the file goes with the session.
 */
final class MoveIn implements HttpSessionBindingListener {
    static final String ATTRIBUTE = "accountportability.move-in";
    static final Duration HELD = Duration.ofMinutes(15);

    /** Names this move in its forms: an older page (another tab) cannot act on a move it did not show. */
    final String id = UUID.randomUUID().toString();
    final String account;
    final JID oldAccount;
    final PendingImport pending;
    final PullReport pulled;
    final Instant expires;
    private RemoteSession session;
    private TransferSlots.Slot slot;
    private boolean imported;

    MoveIn(String account, JID oldAccount, PendingImport pending, PullReport pulled, RemoteSession session, TransferSlots.Slot slot) {
        this.account = account;
        this.oldAccount = oldAccount;
        this.pending = pending;
        this.pulled = pulled;
        this.session = session;
        this.slot = slot;
        this.expires = Instant.now().plus(HELD);
    }

    boolean isFor(String username, String flow) {
        return account.equals(username) && id.equals(flow);
    }

    /** The open connection to the old account, or null once it is closed or held too long (then it is closed). */
    synchronized RemoteSession connection() {
        if (session != null && (Instant.now().isAfter(expires) || !session.connected())) {
            disconnect();
        }
        return session;
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
        disconnect();
        pending.delete();
    }
}

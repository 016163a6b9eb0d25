package org.modernxmpp.portability.web;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionBindingListener;

import org.modernxmpp.portability.moved.MoveAnnouncement;
import org.modernxmpp.portability.moved.Moves;
import org.modernxmpp.portability.pie.PieWriter;
import org.modernxmpp.portability.pie.ReadLimits;
import org.modernxmpp.portability.remote.AccountPush;
import org.modernxmpp.portability.remote.MovedNotices;
import org.modernxmpp.portability.remote.PushResult;
import org.modernxmpp.portability.remote.RemoteSession;
import org.modernxmpp.portability.transfer.ExportJob;
import org.modernxmpp.portability.transfer.ExportOptions;
import org.modernxmpp.portability.transfer.ImportOptions;
import org.modernxmpp.portability.transfer.TransferProgress;
import org.modernxmpp.portability.account.AccountPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;

/**
 * A move out of this account into an account on another server, in the user's session for this account only: this
 * account exported to a file, the connection to the new account (this server is its client), the dry run of the push,
 * and then, on the user's word, the push, this account's XEP-0283 statement, and the requests the new account sends
 * each contact. Each part runs on a thread of its own, so the page can show how far it got. The connection, its place
 * and the file go when the move ends or the session does.
 */
final class MoveOut implements HttpSessionBindingListener, TransferSlots.Move {
    private static final Logger LOG = LoggerFactory.getLogger(MoveOut.class);
    static final String ATTRIBUTE = "accountportability.move-out";

    enum Stage { PREPARING, READY, PUSHING, TELLING, DONE, FAILED }

    final String id = UUID.randomUUID().toString();
    final String account;
    final JID newAccount;
    final Path file;
    private RemoteSession session;
    private TransferSlots.Slot slot;
    private Stage stage = Stage.PREPARING;
    private PushResult preview;
    private PushResult pushed;
    private int told;
    private int toTell;
    private MovedNotices.Result notices;
    private String failure;
    private boolean ended;
    private String stopped;

    MoveOut(String account, JID newAccount, Path file, RemoteSession session, TransferSlots.Slot slot) {
        this.account = account;
        this.newAccount = newAccount;
        this.file = file;
        this.session = session;
        this.slot = slot;
    }

    boolean isFor(String username, String flow) {
        return account.equals(username) && id.equals(flow);
    }

    /** Exports this account and previews the push (a dry run against the new account), in the background. */
    void prepare(AccountPorts ports, ImportOptions everything) {
        background(() -> {
            try (OutputStream out = Files.newOutputStream(file); PieWriter writer = new PieWriter(out)) {
                new ExportJob(ports, ExportOptions.everything().withKinds(MoveInServlet.IMPORTED).withUsers(List.of(account)), new TransferProgress()).run(writer);
            }
            PushResult dryRun = new AccountPush(session(), new TransferProgress()).push(file, ReadLimits.DEFAULT, everything.withDryRun(true));
            synchronized (this) {
                preview = dryRun;
                stage = Stage.READY;
            }
        });
    }

    /**
     * Pushes what {@code options} choose, publishes this account's statement naming the new one for {@code audience},
     * and has the new account ask each of {@code contacts}, a {@code pause} apart; then the connection is closed.
     */
    synchronized boolean go(AccountPorts ports, Moves moves, ImportOptions options, MoveAnnouncement.Audience audience,
                            List<JID> contacts, Duration pause) {
        if (stage != Stage.READY) {
            return false; // pressed twice, or from an older page
        }
        stage = Stage.PUSHING;
        toTell = contacts.size();
        background(() -> {
            PushResult result = new AccountPush(session(), new TransferProgress()).push(file, ReadLimits.DEFAULT, options.withDryRun(false));
            synchronized (this) {
                pushed = result;
                stage = Stage.TELLING;
            }
            var statement = new MoveAnnouncement(ports.pep(), ports.accounts().domain()).publish(account, newAccount.toBareJID(), audience);
            if (moves != null) {
                moves.departures().published(account, statement.newJid());
            }
            MovedNotices.Result asked = new MovedNotices(session(), pause).tell(contacts, new JID(account + "@" + ports.accounts().domain()),
                    (contact, done, total) -> {
                        synchronized (this) {
                            told = done;
                        }
                    });
            synchronized (this) {
                notices = asked;
                stage = Stage.DONE;
            }
            disconnect();
        });
        return true;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void background(Step step) {
        Thread thread = new Thread(() -> {
            try {
                step.run();
            } catch (Exception e) {
                LOG.info("A move of {} to {} failed: {}", account, newAccount, e.toString());
                synchronized (this) {
                    failure = stopped != null ? stopped : ended ? "cancelled" : e.getMessage() == null ? e.toString() : e.getMessage();
                    stage = Stage.FAILED;
                }
                disconnect();
            }
        }, "Account Portability move-out of " + account);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized RemoteSession session() {
        if (session == null) {
            throw new IllegalStateException("the connection to " + newAccount + " is closed");
        }
        return session;
    }

    synchronized Stage stage() {
        return stage;
    }

    synchronized PushResult preview() {
        return preview;
    }

    synchronized PushResult pushed() {
        return pushed;
    }

    synchronized MovedNotices.Result notices() {
        return notices;
    }

    /** Contacts asked so far, of how many. */
    synchronized int told() {
        return told;
    }

    synchronized int toTell() {
        return toTell;
    }

    synchronized String failure() {
        return failure;
    }

    @Override
    public synchronized TransferSlots.Progress progress() {
        return new TransferSlots.Progress(stage.name(), stage == Stage.TELLING ? told : 0, stage == Stage.TELLING ? toTell : 0);
    }

    /** Closes the connection; the step under way fails and the page says {@code why}. */
    @Override
    public synchronized void stop(String why) {
        stopped = why;
        if (stage == Stage.READY) {
            failure = why; // nothing runs that would fail on its own
            stage = Stage.FAILED;
        }
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
        deleteFile();
    }

    private void deleteFile() {
        if (stage == Stage.PREPARING || stage == Stage.PUSHING) {
            return; // the thread still uses it; it fails once the connection is gone, and deletes it then
        }
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        synchronized (this) {
            ended = true;
        }
        disconnect();
    }
}

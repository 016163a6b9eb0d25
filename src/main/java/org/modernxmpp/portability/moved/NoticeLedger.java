package org.modernxmpp.portability.moved;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.xmpp.packet.JID;

/**
 * Where notice runs are kept between restarts, one file per account. Format: a first line
 * {@code old-jid TAB started}, then one line per contact {@code sent TAB pre-approved TAB jid}.
 */
public final class NoticeLedger {
    private final AccountFiles files;

    public NoticeLedger(Path folder) {
        files = new AccountFiles(folder, ".notices");
    }

    public synchronized Optional<NoticeRun> read(String username) {
        return files.read(username).map(lines -> {
            try {
                String[] head = lines.get(0).split("\t");
                List<Notice> notices = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.split("\t", 3);
                    notices.add(new Notice(new JID(fields[2]), Boolean.parseBoolean(fields[1]), Boolean.parseBoolean(fields[0])));
                }
                return new NoticeRun(username, new JID(head[0]), Instant.parse(head[1]), notices);
            } catch (RuntimeException e) {
                throw new IllegalStateException(files.describe(username) + " is damaged: " + e.getMessage(), e);
            }
        });
    }

    public synchronized void write(NoticeRun run) {
        List<String> lines = new ArrayList<>();
        lines.add(run.oldJid().toBareJID() + "\t" + run.started());
        for (Notice notice : run.notices()) {
            lines.add(notice.sent() + "\t" + notice.preApproved() + "\t" + notice.contact().toBareJID());
        }
        files.write(run.username(), lines);
    }

    /** Reads, changes and writes back one account's run as one step; empty when it has none. */
    public synchronized Optional<NoticeRun> update(String username, UnaryOperator<NoticeRun> change) {
        Optional<NoticeRun> before = read(username);
        Optional<NoticeRun> after = before.map(change);
        // asked on every subscription request an account receives: write only what changed
        if (after.isPresent() && !after.equals(before)) {
            write(after.get());
        }
        return after;
    }

    public synchronized void delete(String username) {
        files.delete(username);
    }

    /** Every account with a run on record. */
    public synchronized List<String> usernames() {
        return files.usernames();
    }
}

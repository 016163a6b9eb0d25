package org.modernxmpp.portability.moved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.xmpp.packet.JID;

/**
 * Where notice runs are kept between restarts: one small text file per account in the plugin's folder, replaced
 * whole after each step (written beside it, then moved over it), so a crash leaves either the old or the new state.
 * Format: a first line {@code old-jid TAB started}, then one line per contact {@code sent TAB pre-approved TAB jid}.
 */
public final class NoticeLedger {
    private static final String SUFFIX = ".notices";
    private final Path folder;

    public NoticeLedger(Path folder) {
        this.folder = folder;
    }

    public synchronized Optional<NoticeRun> read(String username) {
        Path file = file(username);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] head = lines.get(0).split("\t");
            List<Notice> notices = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 3);
                notices.add(new Notice(new JID(fields[2]), Boolean.parseBoolean(fields[1]), Boolean.parseBoolean(fields[0])));
            }
            return Optional.of(new NoticeRun(username, new JID(head[0]), Instant.parse(head[1]), notices));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    public synchronized void write(NoticeRun run) {
        StringBuilder text = new StringBuilder(run.oldJid().toBareJID()).append('\t').append(run.started()).append('\n');
        for (Notice notice : run.notices()) {
            text.append(notice.sent()).append('\t').append(notice.preApproved()).append('\t').append(notice.contact().toBareJID()).append('\n');
        }
        Path file = file(run.username());
        try {
            Files.createDirectories(folder);
            Path next = folder.resolve(file.getFileName() + ".next");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads, changes and writes back one account's run as one step; empty when it has none. */
    public synchronized Optional<NoticeRun> update(String username, UnaryOperator<NoticeRun> change) {
        Optional<NoticeRun> changed = read(username).map(change);
        changed.ifPresent(this::write);
        return changed;
    }

    public synchronized void delete(String username) {
        try {
            Files.deleteIfExists(file(username));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(username), e);
        }
    }

    /** Every account with a run on record. */
    public synchronized List<String> usernames() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> URLDecoder.decode(n.substring(0, n.length() - SUFFIX.length()), StandardCharsets.UTF_8)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private Path file(String username) {
        // a username may hold characters a file name may not ('/', '\\', escaped JID characters)
        return folder.resolve(URLEncoder.encode(username, StandardCharsets.UTF_8).replace("*", "%2A") + SUFFIX);
    }
}

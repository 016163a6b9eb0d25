package org.modernxmpp.portability.moved;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.xmpp.packet.JID;

/**
 * What stays of a moved account an admin deleted: its new address, until a date, so that contacts who have not
 * switched yet still learn where it went (XEP-0283 allows answering the statement query with {@code <gone/>}).
 */
public final class Tombstones {

    public record Tombstone(String username, JID newJid, Instant until) {
    }

    private final AccountFiles files;
    private final Clock clock;

    public Tombstones(Path folder, Clock clock) {
        this.files = new AccountFiles(folder, ".tombstone");
        this.clock = clock;
    }

    public void keep(String username, JID newJid, Duration howLong) {
        files.write(username, List.of(newJid.toBareJID() + "\t" + clock.instant().plus(howLong)));
    }

    public void remove(String username) {
        files.delete(username);
    }

    /** The account's tombstone while it lasts; an expired one is removed on the way. */
    public Optional<Tombstone> of(String username) {
        Optional<Tombstone> tombstone = files.read(username).map(lines -> {
            String[] fields = lines.get(0).split("\t");
            return new Tombstone(username, new JID(fields[0]), Instant.parse(fields[1]));
        });
        if (tombstone.isPresent() && !tombstone.get().until().isAfter(clock.instant())) {
            files.delete(username);
            return Optional.empty();
        }
        return tombstone;
    }

    public List<Tombstone> all() {
        return files.usernames().stream().map(this::of).flatMap(Optional::stream).toList();
    }
}

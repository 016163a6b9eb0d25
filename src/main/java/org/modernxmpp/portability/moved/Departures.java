package org.modernxmpp.portability.moved;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.RosterPort;
import org.xmpp.packet.JID;

/**
 * The accounts that published a moved statement through the plugin, one file each: a first line
 * {@code new-jid TAB since}, then the contacts who had approved the account at that moment.
 */
public final class Departures {
    private final AccountFiles files;
    private final RosterPort rosters;
    private final Clock clock;

    public Departures(Path folder, RosterPort rosters, Clock clock) {
        this.files = new AccountFiles(folder, ".departure");
        this.rosters = rosters;
        this.clock = clock;
    }

    /** Notes that the account now says it moved to {@code newJid}; a new statement starts counting afresh. */
    public void published(String username, JID newJid) throws AccountException {
        Departure departure = Departure.of(username, newJid, clock.instant(), rosters.items(username));
        List<String> lines = new ArrayList<>();
        lines.add(departure.newJid().toBareJID() + "\t" + departure.since());
        departure.approvers().forEach(jid -> lines.add(jid.toBareJID()));
        files.write(username, lines);
    }

    public void withdrawn(String username) {
        files.delete(username);
    }

    public Optional<Departure> of(String username) {
        return files.read(username).map(lines -> {
            try {
                String[] head = lines.get(0).split("\t");
                return new Departure(username, new JID(head[0]), Instant.parse(head[1]),
                        lines.subList(1, lines.size()).stream().map(JID::new).toList());
            } catch (RuntimeException e) {
                throw new IllegalStateException(files.describe(username) + " is damaged: " + e.getMessage(), e);
            }
        });
    }

    public List<Departure> all() {
        return files.usernames().stream().map(this::of).flatMap(Optional::stream).toList();
    }

    public Departure.Progress progress(Departure departure) throws AccountException {
        return departure.progress(rosters.items(departure.username()));
    }
}

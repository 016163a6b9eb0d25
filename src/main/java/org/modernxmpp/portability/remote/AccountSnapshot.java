package org.modernxmpp.portability.remote;

import java.util.List;

import org.modernxmpp.portability.pie.ReadNotes;
import org.modernxmpp.portability.pie.model.UserData;
import org.modernxmpp.portability.remote.PullReport.KindRead;
import org.modernxmpp.portability.transfer.DataKind;

/**
 * What a client read of its own account at one moment, without the archive: the data as the file model holds it,
 * how each kind went, and what the parser noted (unknown elements kept).
 */
public record AccountSnapshot(UserData data, List<KindRead> kinds, ReadNotes notes) {
    public AccountSnapshot {
        kinds = List.copyOf(kinds);
    }

    /** How reading {@code kind} went; null for a kind not read. */
    public KindRead kind(DataKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElse(null);
    }
}

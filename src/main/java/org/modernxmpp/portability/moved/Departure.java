package org.modernxmpp.portability.moved;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.modernxmpp.portability.pie.model.RosterItem;
import org.xmpp.packet.JID;

/**
 * An account that published a moved statement: where to, since when, and which contacts had approved it then (let
 * it see their presence: only they can follow the move, XEP-0283 section 4.3). A contact has switched once that
 * approval is gone: its server revokes it when it follows the move.
 */
public record Departure(String username, JID newJid, Instant since, List<JID> approvers) {

    /** How many of the contacts who had approved the account when the statement went up have switched, and how many are left. */
    public record Progress(int switched, int left) {
    }

    public Departure {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(newJid, "newJid");
        Objects.requireNonNull(since, "since");
        approvers = List.copyOf(approvers);
    }

    /** The departure of an account with this roster now. */
    static Departure of(String username, JID newJid, Instant since, List<RosterItem> roster) {
        return new Departure(username, newJid, since, roster.stream().filter(Departure::approved).map(RosterItem::jid).toList());
    }

    public Progress progress(List<RosterItem> roster) {
        Set<JID> stillApproving = roster.stream().filter(Departure::approved).map(RosterItem::jid).collect(Collectors.toSet());
        int left = (int) approvers.stream().filter(stillApproving::contains).count();
        return new Progress(approvers.size() - left, left);
    }

    private static boolean approved(RosterItem item) {
        return item.subscription().approvedByContact();
    }
}

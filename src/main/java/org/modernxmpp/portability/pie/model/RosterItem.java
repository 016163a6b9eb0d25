package org.modernxmpp.portability.pie.model;

import java.util.List;
import java.util.Objects;

import org.xmpp.packet.JID;

/**
 * One contact in a roster (RFC 6121 section 2.1): groups in order, each its own element in the file.
 *
 * @param name       the contact's display name, or null
 * @param ask        pending outbound request, or null
 * @param approved   pre-approved subscription (RFC 6121 section 3.4)
 * @param extensions child elements other than groups, carried untouched
 */
public record RosterItem(JID jid, String name, Subscription subscription, Ask ask, boolean approved,
                         List<String> groups, List<XmlPayload> extensions) {

    public enum Subscription {
        NONE, TO, FROM, BOTH;

        /** Whether the user has approved the contact (from, both): the contact may see the user's presence. */
        public boolean approvedByUser() {
            return this == FROM || this == BOTH;
        }

        /** Whether the contact has approved the user (to, both): the user sees the contact's presence. */
        public boolean approvedByContact() {
            return this == TO || this == BOTH;
        }
    }

    public enum Ask { SUBSCRIBE, UNSUBSCRIBE }

    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subscription, "subscription");
        groups = List.copyOf(groups);
        extensions = List.copyOf(extensions);
    }

    public RosterItem(JID jid, String name, Subscription subscription, List<String> groups) {
        this(jid, name, subscription, null, false, groups, List.of());
    }
}

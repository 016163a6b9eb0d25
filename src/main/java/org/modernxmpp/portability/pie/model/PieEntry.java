package org.modernxmpp.portability.pie.model;

import java.util.Objects;

import org.xmpp.packet.JID;

/** What a streaming read of an export hands over, one at a time, in document order. */
public sealed interface PieEntry {

    /** One user of a host. */
    record HostUser(JID host, UserData user) implements PieEntry {
        public HostUser {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
        }

        public JID jid() {
            return new JID(user.name(), host.getDomain(), null, true);
        }
    }

    /**
     * An element the format does not define, found outside any user: a child of {@code <server-data>}
     * (host null) or of {@code <host>}. Carried through and reported, never dropped.
     */
    record Extension(JID host, XmlPayload element) implements PieEntry {
        public Extension {
            Objects.requireNonNull(element, "element");
        }
    }
}

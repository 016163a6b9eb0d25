package org.modernxmpp.portability.pie.model;

import java.util.Objects;

import org.xmpp.packet.JID;

/** A pubsub affiliation on a PEP node (XEP-0060 owner syntax), e.g. member, publisher, outcast. */
public record Affiliation(JID jid, String affiliation) {
    public Affiliation {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
    }
}

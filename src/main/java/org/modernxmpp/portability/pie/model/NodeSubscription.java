package org.modernxmpp.portability.pie.model;

import java.util.Objects;

import org.xmpp.packet.JID;

/**
 * A subscription to a PEP node.
 *
 * @param state   subscribed, pending, unconfigured or none
 * @param subid   the subscription id, or null
 * @param options the subscription options form, or null
 */
public record NodeSubscription(JID jid, String state, String subid, XmlPayload options) {
    public NodeSubscription {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(state, "state");
    }
}

package org.modernxmpp.portability.pie.model;

import java.util.Objects;

import org.xmpp.packet.JID;

/**
 * A subscription request the user has not answered yet: the whole {@code jabber:client} presence,
 * so a nickname or status sent with it survives.
 */
public record SubscriptionRequest(JID from, XmlPayload presence) {
    public SubscriptionRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(presence, "presence");
    }
}

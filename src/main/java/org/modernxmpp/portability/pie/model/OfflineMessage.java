package org.modernxmpp.portability.pie.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A message stored for the user while offline: the {@code jabber:client} message as it will be delivered,
 * with its XEP-0203 delay, whose stamp is the original time.
 *
 * @param stamp the delay stamp, or null when the file carried none
 */
public record OfflineMessage(XmlPayload message, Instant stamp) {
    public OfflineMessage {
        Objects.requireNonNull(message, "message");
    }
}

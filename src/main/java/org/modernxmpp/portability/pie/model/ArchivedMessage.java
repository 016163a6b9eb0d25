package org.modernxmpp.portability.pie.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the user's message archive (XEP-0313 result, as XEP-0227 r1.1 carries it).
 *
 * @param id      the archive's stanza id on the source server
 * @param stamp   when the message was archived
 * @param message the {@code jabber:client} message
 */
public record ArchivedMessage(String id, Instant stamp, XmlPayload message) {
    public ArchivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(message, "message");
    }
}

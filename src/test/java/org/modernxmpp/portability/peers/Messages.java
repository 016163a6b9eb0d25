package org.modernxmpp.portability.peers;

import org.dom4j.Element;
import org.jivesoftware.smack.packet.Message;
import org.modernxmpp.portability.pie.model.XmlPayload;

/** A message stanza reduced to what the fill set: sender (bare), id, type, subject, body. */
final class Messages {
    private Messages() {
    }

    static PeerFill.OfflineMessage seen(XmlPayload stanza) {
        Element message = stanza.element();
        String from = message.attributeValue("from");
        String type = message.attributeValue("type");
        return new PeerFill.OfflineMessage(from == null ? null : from.split("/", 2)[0], message.attributeValue("id"),
                type == null ? Message.Type.normal : Message.Type.fromString(type), text(message, "subject"), text(message, "body"));
    }

    static PeerFill.OfflineMessage seen(Message message) {
        return new PeerFill.OfflineMessage(message.getFrom() == null ? null : message.getFrom().asBareJid().toString(),
                message.getStanzaId(), message.getType(), message.getSubject(), message.getBody());
    }

    private static String text(Element message, String name) {
        Element child = message.element(name);
        return child == null ? null : child.getText();
    }
}

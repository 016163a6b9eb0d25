package org.modernxmpp.portability.moved;

import java.util.Optional;

import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * A subscription request carrying XEP-0283's {@code <moved><old-jid/></moved>}: the new address asks a contact to
 * accept it in place of the old one. Only what the request claims; nothing here is verified yet.
 *
 * @param contact the bare address the request is for
 * @param newJid  the bare address that sent it
 * @param oldJid  the bare address it claims to replace
 */
public record MoveNotification(JID contact, JID newJid, JID oldJid) {

    private static final QName MOVED = QName.get("moved", MovedStatement.NAMESPACE);
    private static final QName OLD_JID = QName.get("old-jid", MovedStatement.NAMESPACE);

    /**
     * The notification a presence carries, or empty when it is none we may act on: not a subscribe, no
     * {@code urn:xmpp:moved:1} element (the proof-less 0.1 form {@code urn:xmpp:moved:0} included), or an old-jid
     * that is missing, invalid, a full JID, or the sender itself.
     */
    public static Optional<MoveNotification> of(Presence presence) {
        if (presence.getType() != Presence.Type.subscribe || presence.getFrom() == null || presence.getTo() == null
                || presence.getFrom().getNode() == null || presence.getTo().getNode() == null) {
            return Optional.empty();
        }
        Element moved = presence.getElement().element(MOVED);
        Element oldJid = moved == null ? null : moved.element(OLD_JID);
        if (oldJid == null) {
            return Optional.empty();
        }
        JID old;
        try {
            old = new JID(oldJid.getTextTrim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JID sender = presence.getFrom().asBareJID();
        if (old.getNode() == null || old.getResource() != null || old.equals(sender)) {
            return Optional.empty();
        }
        return Optional.of(new MoveNotification(presence.getTo().asBareJID(), sender, old));
    }

    /** The contact's account name on this server. */
    public String username() {
        return contact.getNode();
    }
}

package org.modernxmpp.portability.moved;

import java.util.Objects;
import java.util.Optional;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * The statement of XEP-0283: item "current" of the old account's PEP node {@code urn:xmpp:moved:1}, naming the bare
 * address the account moved to.
 */
public record MovedStatement(JID newJid) {
    public static final String NAMESPACE = "urn:xmpp:moved:1";
    public static final String NODE = NAMESPACE;
    public static final String ITEM = "current";

    public MovedStatement {
        Objects.requireNonNull(newJid, "newJid");
        if (newJid.getResource() != null || newJid.getNode() == null) {
            throw new IllegalArgumentException("a moved statement names a bare account address, not " + newJid);
        }
    }

    public XmlPayload payload() {
        Element moved = DocumentHelper.createElement(QName.get("moved", NAMESPACE));
        moved.addElement(QName.get("new-jid", NAMESPACE)).setText(newJid.toBareJID());
        return XmlPayload.of(moved);
    }

    /** The statement an item payload holds, or empty when it is not one (wrong element, no or invalid new-jid). */
    public static Optional<MovedStatement> of(XmlPayload payload) {
        if (payload == null || !"moved".equals(payload.name()) || !NAMESPACE.equals(payload.namespace())) {
            return Optional.empty();
        }
        Element newJid = payload.element().element(QName.get("new-jid", NAMESPACE));
        if (newJid == null) {
            return Optional.empty();
        }
        try {
            JID jid = new JID(newJid.getTextTrim());
            return jid.getResource() == null && jid.getNode() != null ? Optional.of(new MovedStatement(jid)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.modernxmpp.portability.moved;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * Verification of a {@link MoveNotification} (XEP-0283 section 4.3): ask the old address for its statement and
 * accept the move only when the old address itself answers naming the sender. An error {@code <gone/>} whose text is
 * an {@code xmpp:} URI counts as a statement naming that address.
 */
public final class StatementCheck {
    private static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private StatementCheck() {
    }

    /**
     * The query for the statement, sent from the contact's own bare address: a statement readable by contacts only
     * (access model "presence") refuses a query from a server's domain. Its id is unguessable, so no one else can
     * answer in the old account's place.
     */
    public static IQ request(MoveNotification notification) {
        IQ query = new IQ(IQ.Type.get, "moved-" + UUID.randomUUID());
        query.setFrom(notification.contact());
        query.setTo(notification.oldJid());
        Element items = query.setChildElement("pubsub", PUBSUB).addElement("items").addAttribute("node", MovedStatement.NODE);
        items.addElement("item").addAttribute("id", MovedStatement.ITEM);
        return query;
    }

    /** Empty when the reply proves the move; otherwise why it does not, for the log. */
    public static Optional<String> problem(MoveNotification notification, IQ reply) {
        if (reply.getFrom() == null || !reply.getFrom().asBareJID().equals(notification.oldJid())) {
            return Optional.of("the answer came from " + reply.getFrom() + ", not from " + notification.oldJid());
        }
        Optional<JID> named = reply.getType() == IQ.Type.error ? gone(reply) : statement(reply);
        if (named.isEmpty()) {
            return Optional.of(notification.oldJid() + " publishes no moved statement"
                    + (reply.getType() == IQ.Type.error ? " (error " + errorCondition(reply) + ")" : ""));
        }
        if (!named.get().equals(notification.newJid())) {
            return Optional.of("the statement of " + notification.oldJid() + " names " + named.get() + ", not " + notification.newJid());
        }
        return Optional.empty();
    }

    private static Optional<JID> statement(IQ reply) {
        if (reply.getType() != IQ.Type.result || reply.getChildElement() == null
                || !PUBSUB.equals(reply.getChildElement().getNamespaceURI())) {
            return Optional.empty();
        }
        Element items = reply.getChildElement().element(QName.get("items", PUBSUB));
        if (items == null || !MovedStatement.NODE.equals(items.attributeValue("node"))) {
            return Optional.empty();
        }
        for (Element item : items.elements(QName.get("item", PUBSUB))) {
            if (MovedStatement.ITEM.equals(item.attributeValue("id"))) {
                return item.elements().stream().findFirst().map(XmlPayload::of).flatMap(MovedStatement::of).map(MovedStatement::newJid);
            }
        }
        return Optional.empty();
    }

    private static Optional<JID> gone(IQ reply) {
        Element error = reply.getElement().element("error");
        Element gone = error == null ? null : error.element(QName.get("gone", STANZAS));
        String uri = gone == null ? "" : gone.getTextTrim();
        if (!uri.startsWith("xmpp:")) {
            return Optional.empty();
        }
        String address = uri.substring("xmpp:".length());
        int query = address.indexOf('?');
        if (query >= 0) {
            address = address.substring(0, query);
        }
        try {
            // RFC 5122: an xmpp: URI percent-encodes what is not allowed in it; '+' is a literal plus
            JID jid = new JID(URLDecoder.decode(address.replace("+", "%2B"), StandardCharsets.UTF_8));
            return jid.getNode() != null && jid.getResource() == null ? Optional.of(jid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String errorCondition(IQ reply) {
        return reply.getError() == null || reply.getError().getCondition() == null ? "unknown"
                : reply.getError().getCondition().toXMPP();
    }
}

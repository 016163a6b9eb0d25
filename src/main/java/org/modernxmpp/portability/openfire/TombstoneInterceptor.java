package org.modernxmpp.portability.openfire;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.modernxmpp.portability.moved.MovedStatement;
import org.modernxmpp.portability.moved.Tombstones;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * Answers a query for the statement of a deleted moved account with {@code <gone>xmpp:new-address</gone>}, which
 * XEP-0283 counts as a statement, instead of Openfire's "no such service".
 */
final class TombstoneInterceptor implements PacketInterceptor {
    private static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    private final Tombstones tombstones;
    private final Predicate<JID> local;
    private final Consumer<IQ> router;

    /** @param router sends the answer (Openfire's IQ router, so a waiting local query gets it too) */
    TombstoneInterceptor(Tombstones tombstones, Predicate<JID> local, Consumer<IQ> router) {
        this.tombstones = tombstones;
        this.local = local;
        this.router = router;
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed) throws PacketRejectedException {
        if (!incoming || processed || !(packet instanceof IQ query) || query.getType() != IQ.Type.get || query.getTo() == null
                || query.getTo().getNode() == null || query.getTo().getResource() != null || !asksForStatement(query)
                || !local.test(query.getTo())) {
            return;
        }
        Optional<Tombstones.Tombstone> tombstone = tombstones.of(query.getTo().getNode());
        if (tombstone.isEmpty()) {
            return;
        }
        PacketError gone = gone(tombstone.get().newJid());
        PacketRejectedException answered = new PacketRejectedException(query.getTo() + " moved to " + tombstone.get().newJid());
        answered.setRejectionError(gone);
        if (session == null) {
            // from another server or from the plugin itself: nobody else answers a rejected query
            IQ reply = IQ.createResultIQ(query);
            reply.setChildElement(query.getChildElement().createCopy());
            reply.setError(gone);
            router.accept(reply);
        }
        // Openfire answers a rejected query from a local client itself, with the rejection error
        throw answered;
    }

    private static boolean asksForStatement(IQ query) {
        Element pubsub = query.getChildElement();
        Element items = pubsub == null || !PUBSUB.equals(pubsub.getNamespaceURI()) ? null : pubsub.element(QName.get("items", PUBSUB));
        return items != null && MovedStatement.NODE.equals(items.attributeValue("node"));
    }

    private static PacketError gone(JID newJid) {
        Element error = DocumentHelper.createElement("error").addAttribute("type", "cancel");
        error.addElement(QName.get("gone", "urn:ietf:params:xml:ns:xmpp-stanzas")).setText("xmpp:" + newJid.toBareJID());
        return new PacketError(error);
    }
}

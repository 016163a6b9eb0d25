package org.modernxmpp.portability.openfire;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.OfflineMessageStore;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.OfflineMessagePort;
import org.modernxmpp.portability.pie.Timestamps;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.OfflineMessage;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Offline messages through OfflineMessageStore, read without deleting them. Openfire stamps a stored message with the
 * time it was stored, unless it already carries a XEP-0203 delay: an imported message gets a delay with its original
 * time first, so the recipient sees when it was really sent. Openfire also keys each stored message by the millisecond
 * it was stored (XEP-0013 offers them by that key), so two messages of one user are never stored in the same one.
 */
final class OpenfireOfflineMessages implements OfflineMessagePort {
    private final OfflineMessageStore store;
    private final String domain;
    private String lastUser;
    private long lastStored;

    OpenfireOfflineMessages(OfflineMessageStore store, String domain) {
        this.store = store;
        this.domain = domain;
    }

    @Override
    public List<OfflineMessage> read(String username) {
        List<OfflineMessage> messages = new ArrayList<>();
        for (org.jivesoftware.openfire.OfflineMessage stored : store.getMessages(username, false)) {
            Element message = ClientStanzas.toFile(stored.getElement());
            Element delay = message.element(QName.get("delay", Namespaces.DELAY));
            messages.add(new OfflineMessage(XmlPayload.of(message),
                    delay != null ? Timestamps.parse(delay.attributeValue("stamp")) : stored.getCreationDate().toInstant()));
        }
        return messages;
    }

    @Override
    public synchronized void add(String username, OfflineMessage message) throws AccountException {
        Element element = ClientStanzas.toOpenfire(message.message().element());
        element.addAttribute("to", new JID(username, domain, null).toBareJID());
        if (message.stamp() != null && element.element(QName.get("delay", Namespaces.DELAY)) == null) {
            element.addElement(QName.get("delay", Namespaces.DELAY)).addAttribute("stamp", Timestamps.format(message.stamp()));
        }
        if (username.equals(lastUser)) {
            while (System.currentTimeMillis() <= lastStored) {
                Thread.onSpinWait();
            }
        }
        org.jivesoftware.openfire.OfflineMessage stored = store.addMessage(new Message(element, true));
        if (stored == null) {
            throw new AccountException("Openfire did not store the message (its offline policy refuses messages of this kind, "
                    + "e.g. without a body, or marked no-store)");
        }
        lastUser = username;
        lastStored = stored.getCreationDate() != null ? stored.getCreationDate().getTime() : System.currentTimeMillis();
    }
}

package org.modernxmpp.portability.moved;

import java.util.List;
import java.util.Optional;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.PepPort;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.xmpp.packet.JID;

/**
 * The old account's part of a move: publish the statement naming the new address, withdraw it, and tell whether one
 * is published. Who may read it is the user's choice: their contacts only (access model "presence", the default of
 * Prosody and ejabberd too), or anyone who asks ("open"), which also serves contacts whose subscription was one-way.
 */
public final class MoveAnnouncement {

    /** Who may read the statement. */
    public enum Audience {
        CONTACTS("presence"), ANYONE("open");

        final String accessModel;

        Audience(String accessModel) {
            this.accessModel = accessModel;
        }
    }

    private final PepPort pep;
    private final String domain;

    public MoveAnnouncement(PepPort pep, String domain) {
        this.pep = pep;
        this.domain = domain;
    }

    /**
     * Publishes the statement, replacing an earlier one.
     *
     * @throws IllegalArgumentException when the new address is not a bare account address, or is this account's own
     */
    public MovedStatement publish(String username, String newAddress, Audience audience) throws AccountException {
        JID newJid = AccountAddress.bare(newAddress, "new");
        if (newJid.toBareJID().equals(new JID(username, domain, null).toBareJID())) {
            throw new IllegalArgumentException("the new address is this account's own");
        }
        MovedStatement statement = new MovedStatement(newJid.asBareJID());
        pep.putNode(username, new PepNode(MovedStatement.NODE, configuration(audience), List.of(), List.of(), List.of()));
        pep.publish(username, MovedStatement.NODE, new PepItem(MovedStatement.ITEM, statement.payload()));
        return statement;
    }

    public void withdraw(String username) throws AccountException {
        pep.deleteNode(username, MovedStatement.NODE);
    }

    /** The statement this account publishes now, if any. */
    public Optional<MovedStatement> current(String username) throws AccountException {
        return pep.read(username).stream().filter(n -> n.node().equals(MovedStatement.NODE))
                .flatMap(n -> n.items().stream()).filter(i -> i.id().equals(MovedStatement.ITEM))
                .map(i -> MovedStatement.of(i.payload())).flatMap(Optional::stream).findFirst();
    }

    private static XmlPayload configuration(Audience audience) {
        Element x = DocumentHelper.createElement(QName.get("x", Namespaces.DATA_FORMS)).addAttribute("type", "submit");
        field(x, "FORM_TYPE", "http://jabber.org/protocol/pubsub#node_config").addAttribute("type", "hidden");
        field(x, "pubsub#access_model", audience.accessModel);
        field(x, "pubsub#persist_items", "1");
        field(x, "pubsub#max_items", "1");
        return XmlPayload.of(x);
    }

    private static Element field(Element x, String var, String value) {
        Element field = x.addElement(QName.get("field", Namespaces.DATA_FORMS)).addAttribute("var", var);
        field.addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(value);
        return field;
    }
}

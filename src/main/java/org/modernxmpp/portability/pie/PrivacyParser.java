package org.modernxmpp.portability.pie;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.modernxmpp.portability.pie.model.PrivacyLists.PrivacyList;
import org.modernxmpp.portability.pie.model.PrivacyLists.PrivacyRule;

/** Reads the {@code jabber:iq:privacy} query (XEP-0016) as ejabberd and XEP-0227 write it. */
final class PrivacyParser {
    static final List<String> STANZA_KINDS = List.of("message", "iq", "presence-in", "presence-out");

    PrivacyLists read(Element query, UserContext context) throws PieFormatException {
        String defaultList = null;
        String activeList = null;
        List<PrivacyList> lists = new ArrayList<>();
        for (Element child : query.elements()) {
            switch (child.getName()) {
                case "default" -> defaultList = child.attributeValue("name");
                case "active" -> activeList = child.attributeValue("name");
                case "list" -> lists.add(list(child, context));
                default -> throw context.error("unexpected <" + child.getName() + "> in privacy lists");
            }
        }
        return new PrivacyLists(defaultList, activeList, lists);
    }

    private PrivacyList list(Element list, UserContext context) throws PieFormatException {
        String name = list.attributeValue("name");
        if (name == null) {
            throw context.error("privacy list without a name");
        }
        List<PrivacyRule> rules = new ArrayList<>();
        for (Element item : list.elements()) {
            String action = item.attributeValue("action");
            if (!"allow".equals(action) && !"deny".equals(action)) {
                throw context.error("privacy list '" + name + "': action must be allow or deny, was '" + action + "'");
            }
            long order;
            try {
                order = Long.parseUnsignedLong(String.valueOf(item.attributeValue("order")).trim());
            } catch (NumberFormatException e) {
                throw context.error("privacy list '" + name + "': order '" + item.attributeValue("order")
                        + "' is not a non-negative integer");
            }
            String type = item.attributeValue("type");
            if (type != null && !List.of("jid", "group", "subscription").contains(type)) {
                throw context.error("privacy list '" + name + "': unknown item type '" + type + "'");
            }
            List<String> stanzas = new ArrayList<>();
            for (Element kind : item.elements()) {
                if (!STANZA_KINDS.contains(kind.getName())) {
                    throw context.error("privacy list '" + name + "': unknown stanza kind <" + kind.getName() + ">");
                }
                stanzas.add(kind.getName());
            }
            rules.add(new PrivacyRule(type, item.attributeValue("value"), "allow".equals(action), order, stanzas));
        }
        return new PrivacyList(name, rules);
    }
}

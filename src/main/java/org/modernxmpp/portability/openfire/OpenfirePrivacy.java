package org.modernxmpp.portability.openfire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.privacy.PrivacyList;
import org.jivesoftware.openfire.privacy.PrivacyListManager;
import org.jivesoftware.openfire.privacy.PrivacyListProvider;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.PrivacyPort;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.xmpp.packet.JID;

/**
 * Privacy lists through PrivacyListManager (its cache and listeners). Openfire 5.1 keeps the XEP-0191 blocklist in the
 * user's default privacy list, so blocking here does what its IQBlockingHandler does: deny rules at the top of the
 * default list, creating a default list "blocklist" when there is none. The active list is a session's choice and is
 * never stored.
 */
final class OpenfirePrivacy implements PrivacyPort {
    private static final String BLOCKLIST = "blocklist";

    private final PrivacyListManager manager;
    private final PrivacyListProvider provider;

    OpenfirePrivacy(PrivacyListManager manager, PrivacyListProvider provider) {
        this.manager = manager;
        this.provider = provider;
    }

    @Override
    public Optional<PrivacyLists> privacyLists(String username) {
        Map<String, Boolean> names = new TreeMap<>(provider.getPrivacyLists(username));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String defaultList = null;
        List<PrivacyLists.PrivacyList> lists = new ArrayList<>();
        for (Map.Entry<String, Boolean> name : names.entrySet()) {
            PrivacyList list = manager.getPrivacyList(username, name.getKey());
            if (list == null) {
                continue;
            }
            if (name.getValue()) {
                defaultList = name.getKey();
            }
            lists.add(new PrivacyLists.PrivacyList(name.getKey(), rules(list.asElement())));
        }
        return Optional.of(new PrivacyLists(defaultList, null, lists));
    }

    private static List<PrivacyLists.PrivacyRule> rules(Element list) {
        List<PrivacyLists.PrivacyRule> rules = new ArrayList<>();
        for (Element item : list.elements("item")) {
            List<String> stanzas = item.elements().stream().map(Element::getName).toList();
            rules.add(new PrivacyLists.PrivacyRule(item.attributeValue("type"), item.attributeValue("value"),
                    "allow".equals(item.attributeValue("action")), Long.parseLong(item.attributeValue("order", "0")), stanzas));
        }
        rules.sort(Comparator.comparingLong(PrivacyLists.PrivacyRule::order));
        return rules;
    }

    static Element element(PrivacyLists.PrivacyList list) {
        Element element = DocumentHelper.createElement(QName.get("list", Namespaces.PRIVACY));
        element.addAttribute("name", list.name());
        for (PrivacyLists.PrivacyRule rule : list.rules()) {
            Element item = element.addElement(QName.get("item", Namespaces.PRIVACY));
            if (rule.type() != null) {
                item.addAttribute("type", rule.type());
                item.addAttribute("value", rule.value());
            }
            item.addAttribute("action", rule.allow() ? "allow" : "deny");
            item.addAttribute("order", Long.toString(rule.order()));
            rule.stanzas().forEach(stanza -> item.addElement(QName.get(stanza, Namespaces.PRIVACY)));
        }
        return element;
    }

    @Override
    public void putPrivacyLists(String username, PrivacyLists lists) throws AccountException {
        try {
            for (PrivacyLists.PrivacyList list : lists.lists()) {
                PrivacyList existing = manager.getPrivacyList(username, list.name());
                if (existing == null) {
                    manager.createPrivacyList(username, list.name(), element(list));
                } else {
                    existing.updateList(element(list));
                    provider.updatePrivacyList(username, existing);
                }
            }
            if (lists.defaultList() != null) {
                PrivacyList wanted = manager.getPrivacyList(username, lists.defaultList());
                if (wanted == null) {
                    throw new AccountException("the default privacy list '" + lists.defaultList() + "' is not among the lists");
                }
                PrivacyList current = manager.getDefaultPrivacyList(username);
                if (current == null || !current.getName().equals(wanted.getName())) {
                    manager.changeDefaultList(username, wanted, current);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new AccountException("Openfire refused a privacy list: " + e.getMessage(), e);
        }
    }

    @Override
    public List<JID> blocklist(String username) {
        PrivacyList list = manager.getDefaultPrivacyList(username);
        if (list == null) {
            return List.of();
        }
        List<JID> blocked = new ArrayList<>(list.getBlockedJIDs());
        blocked.sort(Comparator.comparing(JID::toString));
        return blocked;
    }

    /** Blocks once: the import plans every kind before it writes any, so the privacy lists it wrote may block it already. */
    @Override
    public void block(String username, JID jid) {
        PrivacyList list = manager.getDefaultPrivacyList(username);
        if (list != null && list.getBlockedJIDs().contains(jid)) {
            return;
        }
        if (list == null) {
            Element empty = DocumentHelper.createElement(QName.get("list", Namespaces.PRIVACY)).addAttribute("name", BLOCKLIST);
            list = manager.createPrivacyList(username, BLOCKLIST, empty);
            manager.changeDefaultList(username, list, null);
        }
        Element element = list.asElement();
        Element deny = DocumentHelper.createElement(QName.get("item", Namespaces.PRIVACY))
                .addAttribute("type", "jid").addAttribute("value", jid.toString()).addAttribute("action", "deny");
        element.elements().add(0, deny);
        List<Element> items = element.elements();
        for (int i = 0; i < items.size(); i++) {
            items.get(i).addAttribute("order", Integer.toString(i));
        }
        list.updateList(element);
        provider.updatePrivacyList(username, list);
    }
}

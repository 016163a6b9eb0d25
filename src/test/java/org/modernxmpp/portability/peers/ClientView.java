package org.modernxmpp.portability.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dom4j.Element;
import org.jivesoftware.smack.XMPPException;
import org.modernxmpp.portability.pie.model.XmlPayload;

/** What a client logged in to a peer account sees of it, in the forms {@link PeerFill} and {@link OurExport} state facts. */
final class ClientView {
    private ClientView() {
    }

    static List<PeerFill.Contact> roster(PeerClient client) throws Exception {
        List<PeerFill.Contact> contacts = new ArrayList<>();
        for (Element item : client.roster()) {
            String subscription = item.attributeValue("subscription");
            contacts.add(new PeerFill.Contact(item.attributeValue("jid"), item.attributeValue("name"),
                    subscription == null ? "none" : subscription, "subscribe".equals(item.attributeValue("ask")),
                    item.elements("group").stream().map(Element::getText).sorted().toList()));
        }
        contacts.sort(Comparator.comparing(PeerFill.Contact::jid));
        return contacts;
    }

    /** The vCard, or null when the server returns an empty one. */
    static XmlPayload vCard(PeerClient client) throws Exception {
        Element vCard = client.get(null, "vCard", PeerClient.VCARD, null);
        return vCard == null || vCard.elements().isEmpty() ? null : XmlPayload.of(vCard);
    }

    /** The private XML fragment of that element and namespace, or null when none is stored. */
    static XmlPayload privateXml(PeerClient client, String element, String namespace) throws Exception {
        Element query = client.get(null, "query", PeerClient.PRIVATE, "<" + element + " xmlns='" + namespace + "'/>");
        Element fragment = query == null ? null : query.element(org.dom4j.QName.get(element, namespace));
        return fragment == null || (fragment.elements().isEmpty() && fragment.getTextTrim().isEmpty() && fragment.attributeCount() == 0)
                ? null : XmlPayload.of(fragment);
    }

    /** The items of these PEP nodes: node -> id -> payload (nodes without items left out). */
    static Map<String, Map<String, XmlPayload>> pep(PeerClient client, Iterable<String> nodes) throws Exception {
        Map<String, Map<String, XmlPayload>> pep = new TreeMap<>();
        for (String node : nodes) {
            Map<String, XmlPayload> items = new TreeMap<>();
            for (Element item : client.pepItems(node)) {
                items.put(item.attributeValue("id"), item.elements().isEmpty() ? null : XmlPayload.of(item.elements().get(0)));
            }
            if (!items.isEmpty()) {
                pep.put(node, items);
            }
        }
        return pep;
    }

    /** A node's configuration as var -> first value (owner query); empty when the server refuses it. */
    static Map<String, String> nodeConfiguration(PeerClient client, String node) throws Exception {
        Map<String, String> fields = new TreeMap<>();
        Element pubsub;
        try {
            pubsub = client.get(client.bareJid(), "pubsub", PeerClient.PUBSUB_OWNER, "<configure node='" + Xml.attr(node) + "'/>");
        } catch (XMPPException.XMPPErrorException e) {
            return fields;
        }
        Element configure = pubsub == null ? null : pubsub.element("configure");
        Element form = configure == null ? null : configure.element("x");
        if (form != null) {
            for (Element field : form.elements("field")) {
                Element value = field.element("value");
                if (value != null) {
                    fields.put(field.attributeValue("var"), value.getText());
                }
            }
        }
        return fields;
    }

    /** The privacy lists: name of the default list (or null), and each list as the server returns it. */
    record Privacy(String defaultList, Map<String, XmlPayload> lists) {
    }

    static Privacy privacy(PeerClient client) throws Exception {
        Element query = client.get(null, "query", PeerClient.PRIVACY, null);
        Element defaultList = query == null ? null : query.element("default");
        Map<String, XmlPayload> lists = new TreeMap<>();
        if (query != null) {
            for (Element list : query.elements("list")) {
                String name = list.attributeValue("name");
                Element full = client.get(null, "query", PeerClient.PRIVACY, "<list name='" + Xml.attr(name) + "'/>");
                lists.put(name, XmlPayload.of(full.element("list")));
            }
        }
        return new Privacy(defaultList == null ? null : defaultList.attributeValue("name"), lists);
    }

    static List<String> blocklist(PeerClient client) throws Exception {
        Element blocklist = client.get(null, "blocklist", PeerClient.BLOCKING, null);
        List<String> jids = new ArrayList<>();
        if (blocklist != null) {
            blocklist.elements("item").forEach(item -> jids.add(item.attributeValue("jid")));
        }
        return jids.stream().sorted().toList();
    }
}

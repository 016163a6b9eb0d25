package org.modernxmpp.portability.pie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.XmlPayload;

/**
 * Collects PEP nodes from the two {@code <pubsub>} children XEP-0227 r1.1 splits them into: node side
 * ({@code pubsub#owner}: configure, affiliations, subscriptions) and item side ({@code pubsub}: items).
 * A node that only has items (older Prosody) gets no configuration: the importer uses defaults.
 */
final class PepParser {
    private final Map<String, NodeParts> nodes = new LinkedHashMap<>();

    private static final class NodeParts {
        XmlPayload configuration;
        final List<Affiliation> affiliations = new ArrayList<>();
        final List<NodeSubscription> subscriptions = new ArrayList<>();
        final Map<String, PepItem> items = new LinkedHashMap<>();
    }

    /** Reads a {@code pubsub#owner} element; children it does not know are returned to be carried. */
    List<Element> readOwner(Element pubsub, UserContext context) throws PieFormatException {
        List<Element> unknown = new ArrayList<>();
        for (Element child : pubsub.elements()) {
            String node = child.attributeValue("node");
            if (!Namespaces.PUBSUB_OWNER.equals(child.getNamespaceURI()) || node == null) {
                unknown.add(child);
                continue;
            }
            NodeParts parts = parts(node);
            switch (child.getName()) {
                case "configure" -> {
                    Element form = child.element(org.dom4j.QName.get("x", Namespaces.DATA_FORMS));
                    if (form != null) {
                        parts.configuration = XmlPayload.of(form);
                    }
                }
                case "affiliations" -> {
                    for (Element affiliation : child.elements()) {
                        parts.affiliations.add(new Affiliation(
                                context.jid(affiliation.attributeValue("jid"), "affiliation on PEP node " + node),
                                required(affiliation, "affiliation", context)));
                    }
                }
                case "subscriptions" -> {
                    for (Element subscription : child.elements()) {
                        parts.subscriptions.add(subscription(subscription, node, context));
                    }
                }
                default -> unknown.add(child);
            }
        }
        return unknown;
    }

    private NodeSubscription subscription(Element subscription, String node, UserContext context)
            throws PieFormatException {
        String state = subscription.attributeValue("subscription");
        if (state == null) {
            // Prosody writes the state under the wrong attribute name
            state = subscription.attributeValue("subscribed");
            if (state != null) {
                context.notes.dialect("Prosody: PEP subscription state in attribute 'subscribed'");
            }
        }
        if (state == null) {
            state = "subscribed";
            context.note("PEP node " + node + ": subscription without state read as 'subscribed'");
        }
        Element options = subscription.element(org.dom4j.QName.get("options", Namespaces.PUBSUB_OWNER));
        Element form = options == null ? null : options.element(org.dom4j.QName.get("x", Namespaces.DATA_FORMS));
        return new NodeSubscription(context.jid(subscription.attributeValue("jid"), "subscription on PEP node " + node),
                state, subscription.attributeValue("subid"), form == null ? null : XmlPayload.of(form));
    }

    /** Reads a {@code pubsub} element of items; children it does not know are returned to be carried. */
    List<Element> readItems(Element pubsub, UserContext context) throws PieFormatException {
        List<Element> unknown = new ArrayList<>();
        for (Element child : pubsub.elements()) {
            String node = child.attributeValue("node");
            if (!"items".equals(child.getName()) || !Namespaces.PUBSUB.equals(child.getNamespaceURI()) || node == null) {
                unknown.add(child);
                continue;
            }
            NodeParts parts = parts(node);
            for (Element item : child.elements()) {
                String id = item.attributeValue("id");
                if (id == null) {
                    throw context.error("PEP node " + node + " has an item without an id");
                }
                List<Element> payloads = item.elements();
                if (payloads.size() > 1) {
                    throw context.error("PEP node " + node + ", item " + id + " holds " + payloads.size()
                            + " payloads; XEP-0060 allows one");
                }
                PepItem read = new PepItem(id, payloads.isEmpty() ? null : XmlPayload.of(payloads.get(0)));
                PepItem previous = parts.items.remove(id);
                if (previous != null) {
                    context.note("PEP node " + node + ": item " + id + " appears twice; the later one is kept");
                }
                parts.items.put(id, read);
            }
        }
        return unknown;
    }

    List<PepNode> nodes() {
        List<PepNode> result = new ArrayList<>(nodes.size());
        nodes.forEach((node, parts) -> result.add(new PepNode(node, parts.configuration, parts.affiliations,
                parts.subscriptions, new ArrayList<>(parts.items.values()))));
        return result;
    }

    private NodeParts parts(String node) {
        return nodes.computeIfAbsent(node, n -> new NodeParts());
    }

    private static String required(Element element, String attribute, UserContext context) throws PieFormatException {
        String value = element.attributeValue(attribute);
        if (value == null) {
            throw context.error("<" + element.getName() + "> without the '" + attribute + "' attribute");
        }
        return value;
    }
}

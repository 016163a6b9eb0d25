package org.modernxmpp.portability.openfire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.openfire.pep.PEPService;
import org.jivesoftware.openfire.pep.PEPServiceManager;
import org.jivesoftware.openfire.pubsub.LeafNode;
import org.jivesoftware.openfire.pubsub.Node;
import org.jivesoftware.openfire.pubsub.NodeAffiliate;
import org.jivesoftware.openfire.pubsub.NotAcceptableException;
import org.jivesoftware.openfire.pubsub.PubSubEngine;
import org.jivesoftware.openfire.pubsub.PublishedItem;
import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.account.PepPort;
import org.modernxmpp.portability.pie.model.Affiliation;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.pie.model.NodeSubscription;
import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;
import org.modernxmpp.portability.pie.model.XmlPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;

/**
 * PEP through Openfire's pubsub model, the calls its own PubSubEngine and PrivateStorage make: nodes are created by
 * {@code PubSubEngine.createNodeHelper} and configured with the node_config form, items are published by
 * {@code LeafNode.publishItems}, so persistence, caches, notifications and the avatar-to-vCard conversion all run as
 * for a client's publish. Nodes that hold private XML are left to {@link OpenfirePrivateXml}.
 * Subscriptions are exported but not re-created: in PEP they follow presence (contacts' clients subscribe through
 * entity capabilities when they next see the user).
 */
final class OpenfirePep implements PepPort {
    private static final Logger LOG = LoggerFactory.getLogger(OpenfirePep.class);
    private static final String MAX_ITEMS = "pubsub#max_items";
    /**
     * Fields that name this server's own nodes and addresses: the parent collection (Openfire refuses its own empty
     * value back), and owners and publishers, which the affiliations carry and a new account would get wrong.
     */
    private static final java.util.Set<String> NOT_PORTABLE = java.util.Set.of("pubsub#collection", "pubsub#owner", "pubsub#publisher");
    private static final String XEP_UNLIMITED = "max";
    private static final String OPENFIRE_UNLIMITED = "-1";

    private final PEPServiceManager pep;
    private final String domain;

    OpenfirePep(PEPServiceManager pep, String domain) {
        this.pep = pep;
        this.domain = domain;
    }

    private JID owner(String username) {
        return new JID(username, domain, null);
    }

    @Override
    public List<PepNode> read(String username) {
        PEPService service = pep.getPEPService(owner(username), false);
        if (service == null) {
            return List.of();
        }
        List<PepNode> nodes = new ArrayList<>();
        for (Node node : service.getNodes()) {
            if (node.isCollectionNode() || PrivateDataNodes.fragment(node) != null) {
                continue;
            }
            nodes.add(read(node));
        }
        nodes.sort(Comparator.comparing(PepNode::node));
        return nodes;
    }

    private static PepNode read(Node node) {
        List<Affiliation> affiliations = new ArrayList<>();
        for (NodeAffiliate affiliate : node.getAllAffiliates()) {
            affiliations.add(new Affiliation(affiliate.getJID(), affiliate.getAffiliation().name()));
        }
        affiliations.sort(Comparator.comparing((Affiliation a) -> a.jid().toString()).thenComparing(Affiliation::affiliation));
        List<NodeSubscription> subscriptions = new ArrayList<>();
        for (org.jivesoftware.openfire.pubsub.NodeSubscription subscription : node.getAllSubscriptions()) {
            subscriptions.add(new NodeSubscription(subscription.getJID(), subscription.getState().name(), subscription.getID(), null));
        }
        subscriptions.sort(Comparator.comparing((NodeSubscription s) -> s.jid().toString()));
        List<PepItem> items = new ArrayList<>();
        // oldest first, as the file wants them, whatever xmpp.pubsub.order.descending says
        List<PublishedItem> published = new ArrayList<>(node.getPublishedItems());
        published.sort(Comparator.comparing(PublishedItem::getCreationDate, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (PublishedItem item : published) {
            Element payload = item.getPayload();
            items.add(new PepItem(item.getID(), payload == null ? null : XmlPayload.of(payload)));
        }
        return new PepNode(node.getNodeID(), XmlPayload.of(submitted(node.getConfigurationForm(Locale.ENGLISH))),
                affiliations, subscriptions, items);
    }

    /** The node's configuration as a submitted form: FORM_TYPE and each field's values, without labels or options. */
    static Element submitted(DataForm form) {
        Element x = DocumentHelper.createElement(QName.get("x", Namespaces.DATA_FORMS));
        x.addAttribute("type", "submit");
        for (FormField field : form.getFields()) {
            if (field.getVariable() == null || field.getType() == FormField.Type.fixed || NOT_PORTABLE.contains(field.getVariable())) {
                continue;
            }
            Element copy = x.addElement(QName.get("field", Namespaces.DATA_FORMS)).addAttribute("var", field.getVariable());
            if (field.getType() == FormField.Type.hidden) {
                copy.addAttribute("type", "hidden");
            }
            for (String value : field.getValues()) {
                copy.addElement(QName.get("value", Namespaces.DATA_FORMS)).setText(
                        MAX_ITEMS.equals(field.getVariable()) && OPENFIRE_UNLIMITED.equals(value) ? XEP_UNLIMITED : value);
            }
        }
        return x;
    }

    @Override
    public void putNode(String username, PepNode wanted) throws AccountException {
        JID owner = owner(username);
        PEPService service = pep.getPEPService(owner, true);
        if (service == null) {
            throw new AccountException("Openfire has no PEP service for " + owner + " (is it a registered account?)");
        }
        Node node = service.getNode(wanted.node());
        if (node == null) {
            Element configure = null;
            if (wanted.configuration() != null) {
                configure = DocumentHelper.createElement(QName.get("configure", Namespaces.PUBSUB));
                configure.add(asSubmit(wanted.configuration().copy()));
            }
            PubSubEngine.CreateNodeResponse response;
            try {
                response = PubSubEngine.createNodeHelper(service, owner, configure, wanted.node(), null);
            } catch (IllegalArgumentException e) {
                throw new AccountException("Openfire refused the configuration of PEP node " + wanted.node() + ": " + e.getMessage(), e);
            }
            if (response.newNode == null) {
                throw new AccountException("Openfire refused to create PEP node " + wanted.node() + ": "
                        + (response.creationStatus == null ? "no reason given" : response.creationStatus.toXMPP()));
            }
            node = response.newNode;
        } else if (wanted.configuration() != null) {
            try {
                node.configure(new DataForm(asSubmit(wanted.configuration().copy())));
            } catch (NotAcceptableException | IllegalArgumentException e) {
                // IllegalArgumentException: Openfire parses numbers and enumerations of the form without checking them
                throw new AccountException("Openfire refused the configuration of PEP node " + wanted.node() + ": " + e.getMessage(), e);
            }
        }
        for (Affiliation affiliation : wanted.affiliations()) {
            if (!affiliation.jid().asBareJID().equals(owner)) {
                affiliate(node, affiliation);
            }
        }
        if (!wanted.subscriptions().isEmpty()) {
            LOG.info("PEP node {} of {}: {} subscriptions not re-created (PEP subscriptions follow presence)",
                    wanted.node(), owner, wanted.subscriptions().size());
        }
    }

    private static void affiliate(Node node, Affiliation affiliation) {
        JID jid = affiliation.jid();
        switch (affiliation.affiliation()) {
            case "owner" -> node.addOwner(jid);
            case "publisher" -> node.addPublisher(jid);
            case "outcast" -> node.addOutcast(jid);
            // Openfire has no "member": its whitelist admits every affiliate that is not an outcast, which "none" is.
            case "none", "member" -> node.addNoneAffiliation(jid);
            // "publish-only" would become publisher, which may also read: never widen a right; the log says so.
            default -> LOG.info("PEP node {}: affiliation '{}' of {} not kept (Openfire has none such)",
                    node.getNodeID(), affiliation.affiliation(), jid);
        }
    }

    /**
     * Openfire applies only a form of type submit (a file may carry the owner's form as "form" or "result"), and parses
     * pubsub#max_items as a number: XEP-0060's "max" (what Prosody writes, and XEP-0402 asks for) is its -1.
     */
    static Element asSubmit(Element form) {
        form.addAttribute("type", "submit");
        for (Element field : List.copyOf(form.elements(QName.get("field", Namespaces.DATA_FORMS)))) {
            if (NOT_PORTABLE.contains(field.attributeValue("var"))) {
                form.remove(field);
                continue;
            }
            if (MAX_ITEMS.equals(field.attributeValue("var"))) {
                for (Element value : field.elements(QName.get("value", Namespaces.DATA_FORMS))) {
                    if (XEP_UNLIMITED.equals(value.getTextTrim())) {
                        value.setText(OPENFIRE_UNLIMITED);
                    }
                }
            }
        }
        return form;
    }

    @Override
    public void publish(String username, String nodeId, PepItem item) throws AccountException {
        PEPService service = pep.getPEPService(owner(username), false);
        Node node = service == null ? null : service.getNode(nodeId);
        if (!(node instanceof LeafNode leaf)) {
            throw new AccountException("there is no PEP leaf node " + nodeId + " to publish item " + item.id() + " on");
        }
        Element element = DocumentHelper.createElement(QName.get("item", Namespaces.PUBSUB));
        element.addAttribute("id", item.id());
        if (item.payload() != null) {
            element.add(item.payload().copy());
        }
        leaf.publishItems(owner(username), List.of(element));
    }

    @Override
    public void deleteNode(String username, String nodeId) throws AccountException {
        PEPService service = pep.getPEPService(owner(username), false);
        Node node = service == null ? null : service.getNode(nodeId);
        if (node != null) {
            node.delete();
        }
    }
}

package org.modernxmpp.portability.remote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.modernxmpp.portability.pie.model.Namespaces;
import org.modernxmpp.portability.remote.PullReport.KindRead;
import org.modernxmpp.portability.remote.PullReport.Status;
import org.modernxmpp.portability.transfer.DataKind;

/**
 * Reads every PEP node of the account into XEP-0227's two {@code <pubsub>} elements: the nodes from disco#items on
 * the bare JID, each node's configuration and affiliations where the owner may read them, and all its items, following
 * the server's pages (XEP-0059) when it pages.
 */
final class PepRead {
    static final String RSM = "http://jabber.org/protocol/rsm";
    private static final int ITEMS_PAGE = 100;

    private final RemoteSession session;
    private final String bare;

    PepRead(RemoteSession session) {
        this.session = session;
        this.bare = session.account().toBareJID();
    }

    KindRead readInto(Element user) throws RemoteException {
        Element disco;
        try {
            disco = session.get(bare, "query", RawXmlProviders.DISCO_ITEMS, null);
        } catch (RemoteRefusal refusal) {
            return refusal.meansAbsent() ? new KindRead(DataKind.PEP, Status.NOT_OFFERED, 0, refusal.getMessage())
                    : new KindRead(DataKind.PEP, Status.REFUSED, 0, refusal.getMessage());
        }
        List<String> nodes = new ArrayList<>();
        for (Element item : disco == null ? List.<Element>of() : disco.elements("item")) {
            String node = item.attributeValue("node");
            String jid = item.attributeValue("jid");
            if (node != null && (jid == null || jid.equalsIgnoreCase(bare)) && !nodes.contains(node)) {
                nodes.add(node);
            }
        }
        if (nodes.size() > session.limits().maxPepNodes()) {
            throw new RemoteException(RemoteProblem.TOO_MUCH_DATA, session.server() + " lists " + nodes.size()
                    + " PEP nodes for " + bare + ", more than the " + session.limits().maxPepNodes() + " this reads");
        }
        if (nodes.isEmpty()) {
            return new KindRead(DataKind.PEP, Status.READ, 0, null);
        }
        Element owner = user.addElement(QName.get("pubsub", Namespaces.PUBSUB_OWNER));
        Element published = user.addElement(QName.get("pubsub", Namespaces.PUBSUB));
        long items = 0;
        List<String> unconfigured = new ArrayList<>();
        for (String node : nodes) {
            Element configure = owner.addElement(QName.get("configure", Namespaces.PUBSUB_OWNER)).addAttribute("node", node);
            Element form = configuration(node);
            if (form == null) {
                unconfigured.add(node);
            } else {
                configure.add(form);
            }
            Element affiliations = ownerPart("affiliations", node);
            if (affiliations != null && !affiliations.elements().isEmpty()) {
                owner.add(affiliations);
            }
            Element itemsElement = published.addElement(QName.get("items", Namespaces.PUBSUB)).addAttribute("node", node);
            items += items(node, itemsElement);
        }
        String detail = items + " items in " + nodes.size() + " nodes"
                + (unconfigured.isEmpty() ? "" : "; configuration not readable for " + String.join(", ", unconfigured));
        return new KindRead(DataKind.PEP, Status.READ, nodes.size(), detail);
    }

    /** The node's configuration as a submitted form, or null when the server will not show it. */
    private Element configuration(String node) throws RemoteException {
        Element configure = ownerPart("configure", node);
        Element form = configure == null ? null : configure.element(QName.get("x", Namespaces.DATA_FORMS));
        return form == null ? null : SubmittedForm.of(form);
    }

    private Element ownerPart(String name, String node) throws RemoteException {
        try {
            Element pubsub = session.get(bare, "pubsub", Namespaces.PUBSUB_OWNER, element(name, node).asXML());
            Element part = pubsub == null ? null : pubsub.element(QName.get(name, Namespaces.PUBSUB_OWNER));
            if (part != null) {
                part.detach();
            }
            return part;
        } catch (RemoteRefusal refusal) {
            return null;
        }
    }

    private long items(String node, Element into) throws RemoteException {
        Set<String> seen = new HashSet<>();
        String after = null;
        while (true) {
            StringBuilder inner = new StringBuilder(element("items", node).asXML());
            if (after != null) {
                Element set = DocumentHelper.createElement(QName.get("set", RSM));
                set.addElement(QName.get("max", RSM)).setText(Integer.toString(ITEMS_PAGE));
                set.addElement(QName.get("after", RSM)).setText(after);
                inner.append(set.asXML());
            }
            Element pubsub;
            try {
                pubsub = session.get(bare, "pubsub", Namespaces.PUBSUB, inner.toString());
            } catch (RemoteRefusal refusal) {
                // an empty node, or one only its publisher's client reads: nothing to carry
                return seen.size();
            }
            Element items = pubsub == null ? null : pubsub.element(QName.get("items", Namespaces.PUBSUB));
            int fresh = 0;
            for (Element item : items == null ? List.<Element>of() : items.elements(QName.get("item", Namespaces.PUBSUB))) {
                String id = item.attributeValue("id");
                if (id != null && seen.add(id)) {
                    into.add(item.createCopy());
                    fresh++;
                }
            }
            if (seen.size() > session.limits().maxPepItems()) {
                throw new RemoteException(RemoteProblem.TOO_MUCH_DATA, session.server() + " has more than "
                        + session.limits().maxPepItems() + " items in PEP node " + node + " of " + bare + "; stopped");
            }
            Element set = pubsub == null ? null : pubsub.element(QName.get("set", RSM));
            String last = set == null ? null : set.elementText(QName.get("last", RSM));
            if (last == null || fresh == 0 || last.equals(after)) {
                return seen.size();
            }
            after = last;
        }
    }

    private static Element element(String name, String node) {
        return DocumentHelper.createElement(name).addAttribute("node", node);
    }
}

package org.modernxmpp.portability.openfire;

import java.util.List;

import org.dom4j.Element;
import org.jivesoftware.openfire.pubsub.Node;
import org.jivesoftware.openfire.pubsub.PublishedItem;

/**
 * Openfire 5 keeps XEP-0049 private XML in the user's PEP service: one node per namespace, named after it, with one
 * item "current" whose payload is the fragment, and access model whitelist (PrivateStorage does exactly this). Such a
 * node is exported once, as private XML, and never again as PEP.
 */
final class PrivateDataNodes {
    private PrivateDataNodes() {
    }

    /** The fragment this node stores as private XML, or null when it is an ordinary PEP node. */
    static Element fragment(Node node) {
        if (node.isCollectionNode() || !"whitelist".equals(node.getAccessModel().getName())) {
            return null;
        }
        List<PublishedItem> items = node.getPublishedItems();
        if (items.size() != 1 || !"current".equals(items.get(0).getID())) {
            return null;
        }
        Element payload = items.get(0).getPayload();
        return payload != null && node.getNodeID().equals(payload.getNamespaceURI()) ? payload : null;
    }
}

package org.modernxmpp.portability.pie.model;

import java.util.List;
import java.util.Objects;

/**
 * One PEP node of the user (XEP-0163) with what XEP-0227 r1.1 carries for it.
 *
 * @param configuration the node_config data form ({@code jabber:x:data}), or null to use the server's defaults
 * @param items         oldest first, as in the file
 */
public record PepNode(String node, XmlPayload configuration, List<Affiliation> affiliations,
                      List<NodeSubscription> subscriptions, List<PepItem> items) {
    public PepNode {
        Objects.requireNonNull(node, "node");
        affiliations = List.copyOf(affiliations);
        subscriptions = List.copyOf(subscriptions);
        items = List.copyOf(items);
    }

    /** An OMEMO key node (either version): its keys belong to the devices of the account that published them. */
    public boolean isOmemo() {
        return node.startsWith("eu.siacs.conversations.axolotl") || node.startsWith("urn:xmpp:omemo:");
    }
}

package org.modernxmpp.portability.account;

import java.util.List;

import org.modernxmpp.portability.pie.model.PepItem;
import org.modernxmpp.portability.pie.model.PepNode;

/** A user's PEP service: nodes with their configuration, affiliations, subscriptions and items. */
public interface PepPort {

    List<PepNode> read(String username) throws AccountException;

    /** Creates the node if missing and applies its configuration, affiliations and subscriptions; items untouched. */
    void putNode(String username, PepNode node) throws AccountException;

    /** Publishes the item, replacing one with the same id. */
    void publish(String username, String node, PepItem item) throws AccountException;

    void deleteNode(String username, String node) throws AccountException;
}

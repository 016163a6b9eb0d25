package org.modernxmpp.portability.account;

import java.util.List;

import org.modernxmpp.portability.pie.model.RosterItem;
import org.modernxmpp.portability.pie.model.SubscriptionRequest;
import org.xmpp.packet.JID;

/** A user's roster and the subscription requests waiting for an answer. */
public interface RosterPort {

    List<RosterItem> items(String username) throws AccountException;

    /** Adds the item, or replaces the one with the same JID. */
    void put(String username, RosterItem item) throws AccountException;

    void remove(String username, JID contact) throws AccountException;

    List<SubscriptionRequest> pendingSubscriptions(String username) throws AccountException;

    void addPendingSubscription(String username, SubscriptionRequest request) throws AccountException;

    /**
     * Null when {@link #addPendingSubscription} works; else why it cannot (a client cannot make a request wait on its
     * own server), and the import reports the requests instead of failing on them.
     */
    default String whyNoPendingSubscriptions() {
        return null;
    }
}

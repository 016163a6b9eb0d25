package org.modernxmpp.portability.account;

import java.util.Optional;

import org.modernxmpp.portability.pie.model.PrivacyLists;
import org.xmpp.packet.JID;

/** A user's privacy lists (XEP-0016) and blocklist (XEP-0191). */
public interface PrivacyPort {

    Optional<PrivacyLists> privacyLists(String username) throws AccountException;

    /** Stores each list (replacing lists of the same name) and the default list; lists not given stay. */
    void putPrivacyLists(String username, PrivacyLists lists) throws AccountException;

    java.util.List<JID> blocklist(String username) throws AccountException;

    void block(String username, JID jid) throws AccountException;
}

package org.modernxmpp.portability.account;

import java.util.List;

import org.modernxmpp.portability.pie.model.OfflineMessage;

/** Messages stored for a user while offline, oldest first. */
public interface OfflineMessagePort {

    List<OfflineMessage> read(String username) throws AccountException;

    /** Stores a message with its original time (the delay stamp), not the time of the import. */
    void add(String username, OfflineMessage message) throws AccountException;
}

package org.modernxmpp.portability.moved;

import org.xmpp.packet.JID;

/** Reads an address a user typed for a move: it must name an account (name@server), not a server or a device. */
final class AccountAddress {
    private AccountAddress() {
    }

    /** @param which "new" or "old", for the message */
    static JID bare(String typed, String which) {
        JID jid;
        try {
            jid = new JID(typed == null ? "" : typed.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a valid address");
        }
        if (jid.getNode() == null || jid.getResource() != null) {
            throw new IllegalArgumentException("the " + which + " address must look like name@server, without a '/'");
        }
        return jid.asBareJID();
    }
}

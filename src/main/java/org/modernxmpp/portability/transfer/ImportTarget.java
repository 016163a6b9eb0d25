package org.modernxmpp.portability.transfer;

import org.modernxmpp.portability.account.AccountPorts;
import org.xmpp.packet.JID;

/**
 * The account one user of a file is imported into.
 *
 * @param username       the local account
 * @param jid            its address on this server
 * @param source         the user's address in the file
 * @param accountExists  whether the account was there before this import (if not, there is nothing to read)
 */
record ImportTarget(String username, JID jid, JID source, boolean accountExists, AccountPorts ports, ImportOptions options) {

    /** The data was made for another address (host rewritten, or another account). */
    boolean isOtherAccount() {
        return !jid.toBareJID().equals(source.toBareJID());
    }

    KindPolicy policy(DataKind kind) {
        return options.policy(kind);
    }
}

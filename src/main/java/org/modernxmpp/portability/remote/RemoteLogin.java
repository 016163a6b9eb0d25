package org.modernxmpp.portability.remote;

import java.util.Objects;

import org.xmpp.packet.JID;

/**
 * The address and password of an account on another server. The password is used for one connection and kept
 * nowhere else: {@link #toString} leaves it out, so no log line or report can carry it.
 */
public record RemoteLogin(JID account, String password) {

    public RemoteLogin {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
        if (account.getNode() == null || account.getResource() != null) {
            throw new IllegalArgumentException(account + " is not an account address (name@domain)");
        }
    }

    @Override
    public String toString() {
        return "RemoteLogin[" + account.toBareJID() + "]";
    }
}

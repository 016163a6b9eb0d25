package org.modernxmpp.portability.account;

import java.util.List;

import org.modernxmpp.portability.pie.model.ScramCredentials;

/**
 * How an account proves its password: the plaintext where a server still keeps it, or SCRAM hashes, or nothing
 * (then a new account gets a random password and must be reset).
 *
 * @param password plaintext, or null
 */
public record Credentials(String password, List<ScramCredentials> scram) {
    public static final Credentials NONE = new Credentials(null, List.of());

    public Credentials {
        scram = List.copyOf(scram);
    }

    public boolean isEmpty() {
        return password == null && scram.isEmpty();
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "Credentials[password=" + (password == null ? "none" : "***") + ", scram=" + scram + "]";
    }
}

package org.modernxmpp.portability.account;

/** A server refused a read or a write for one user; the message says what and why, for the report. */
public class AccountException extends Exception {
    public AccountException(String message) {
        super(message);
    }

    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}

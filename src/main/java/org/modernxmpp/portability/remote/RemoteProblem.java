package org.modernxmpp.portability.remote;

/** Why a remote account could not be reached or read, one plain cause per kind of failure. */
public enum RemoteProblem {
    /** The server refused the password (SASL not-authorized). */
    WRONG_PASSWORD,
    /** The server says the account is disabled (SASL account-disabled) or its password expired. */
    ACCOUNT_DISABLED,
    /** Neither DNS nor a connection brought us to an XMPP server for the domain. */
    UNREACHABLE,
    /** The server's certificate did not check out against the trust store and the domain. */
    TLS_NOT_TRUSTED,
    /** The server offers no TLS, and nothing goes over an unencrypted connection. */
    TLS_NOT_OFFERED,
    /** The server offers no login mechanism we use (SCRAM, or PLAIN inside TLS). */
    LOGIN_NOT_SUPPORTED,
    /** The server did not answer in time. */
    TIMEOUT,
    /** The domain resolves to an address this server does not connect to (loopback, private, its own). */
    ADDRESS_REFUSED,
    /** The server sent more than the bounds allow (a roster, an archive, a stanza without end). */
    TOO_MUCH_DATA,
    /** The connection broke after login. */
    CONNECTION_LOST,
    /** The server answered something we cannot use. */
    PROTOCOL
}

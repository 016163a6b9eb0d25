package org.jivesoftware.openfire.auth;

/** Compile-only mirror of Openfire 5.1.1's ConnectionException; the real class is provided at run time. */
public class ConnectionException extends Exception {
    public ConnectionException() {
        throw new UnsupportedOperationException();
    }

    public ConnectionException(String message) {
        throw new UnsupportedOperationException();
    }

    public ConnectionException(Throwable cause) {
        throw new UnsupportedOperationException();
    }

    public ConnectionException(String message, Throwable cause) {
        throw new UnsupportedOperationException();
    }
}

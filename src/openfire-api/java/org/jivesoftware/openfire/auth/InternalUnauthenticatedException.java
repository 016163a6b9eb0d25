package org.jivesoftware.openfire.auth;

/** Compile-only mirror of Openfire 5.1.1's InternalUnauthenticatedException; the real class is provided at run time. */
public class InternalUnauthenticatedException extends Exception {
    public InternalUnauthenticatedException() {
        throw new UnsupportedOperationException();
    }

    public InternalUnauthenticatedException(String message) {
        throw new UnsupportedOperationException();
    }

    public InternalUnauthenticatedException(Throwable cause) {
        throw new UnsupportedOperationException();
    }

    public InternalUnauthenticatedException(String message, Throwable cause) {
        throw new UnsupportedOperationException();
    }
}

package org.jivesoftware.openfire.auth;

/** Compile-only mirror of Openfire 5.1.1's UnauthorizedException; the real class is provided at run time. */
public class UnauthorizedException extends Exception {
    public UnauthorizedException() {
        throw new UnsupportedOperationException();
    }

    public UnauthorizedException(String message) {
        throw new UnsupportedOperationException();
    }

    public UnauthorizedException(Throwable cause) {
        throw new UnsupportedOperationException();
    }

    public UnauthorizedException(String message, Throwable cause) {
        throw new UnsupportedOperationException();
    }
}

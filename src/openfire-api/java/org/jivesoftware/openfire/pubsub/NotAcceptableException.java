package org.jivesoftware.openfire.pubsub;

/** Compile-only mirror of Openfire 5.1.1's NotAcceptableException; the real class is provided at run time. */
public class NotAcceptableException extends Exception {
    public NotAcceptableException() {
        throw new UnsupportedOperationException();
    }

    public NotAcceptableException(String message) {
        throw new UnsupportedOperationException();
    }

    public NotAcceptableException(Throwable cause) {
        throw new UnsupportedOperationException();
    }

    public NotAcceptableException(String message, Throwable cause) {
        throw new UnsupportedOperationException();
    }
}

package org.jivesoftware.openfire.user;

/** Compile-only mirror of Openfire 5.1.1's UserNotFoundException; the real class is provided at run time. */
public class UserNotFoundException extends Exception {
    public UserNotFoundException() {
        throw new UnsupportedOperationException();
    }

    public UserNotFoundException(String message) {
        throw new UnsupportedOperationException();
    }

    public UserNotFoundException(Throwable cause) {
        throw new UnsupportedOperationException();
    }

    public UserNotFoundException(String message, Throwable cause) {
        throw new UnsupportedOperationException();
    }
}
